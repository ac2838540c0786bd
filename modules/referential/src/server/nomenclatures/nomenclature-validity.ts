/**
 * Validity intervals of nomenclature values: `validFrom` to `validTo`, both
 * inclusive, `validTo` null meaning open-ended. Dates are ISO `YYYY-MM-DD`
 * strings, which compare correctly as text.
 */
export interface Validity {
  validFrom: string;
  validTo: string | null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written `YYYY-MM-DD` (2023-02-29 is refused). */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function overlaps(a: Validity, b: Validity): boolean {
  return (b.validTo === null || a.validFrom <= b.validTo) && (a.validTo === null || b.validFrom <= a.validTo);
}

export function isValidOn(validity: Validity, date: string): boolean {
  return validity.validFrom <= date && (validity.validTo === null || date <= validity.validTo);
}

/** "from 1995-01-01 to 2021-08-31" or "from 2021-06-01 onwards". */
export function describeValidity(validity: Validity): string {
  return validity.validTo === null ? `from ${validity.validFrom} onwards` : `from ${validity.validFrom} to ${validity.validTo}`;
}

/** "from A to B and from C onwards", in date order. */
export function describeValidities(validities: Validity[]): string {
  return [...validities]
    .sort((a, b) => compare(a.validFrom, b.validFrom))
    .map(describeValidity)
    .join(' and ');
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The API's mark on 20: from 0 to 20, at most 3 decimals, a dot (exact decimal, never a float). */
const MARK = /^(20(\.0{1,3})?|1?[0-9](\.[0-9]{1,3})?)$/;

/**
 * A mark typed by a person as the API takes it: « 14,5 » (a French comma)
 * or « 14.5 » → "14.5"; spaces and leading zeros dropped. Undefined when it
 * is not a mark on 20 with at most 3 decimals.
 */
export function parseMark(input: string): string | undefined {
  const text = input
    .replace(/\s+/g, '')
    .replace(',', '.')
    .replace(/^0+(?=\d)/, '');
  return MARK.test(text) ? text : undefined;
}

/** « 14,5 » in French, « 14.5 » in English: the exact decimal, its trailing zeros dropped. */
export function formatMark(mark: string, language: string): string {
  const trimmed = mark.includes('.') ? mark.replace(/0+$/, '').replace(/\.$/, '') : mark;
  return language === 'en' ? trimmed : trimmed.replace('.', ',');
}

/** The year a credit was acquired, as the API takes it (4 to 40 characters, « 2025-2026 »). */
export function isAcquiredIn(value: string): boolean {
  const text = value.trim();
  return text.length >= 4 && text.length <= 40;
}

/** The code of a special arrangement, as the API takes it (TIERS-TEMPS, SALLE-ISOLEE…). */
export const ARRANGEMENT_CODE = /^[A-Z0-9][A-Z0-9-]{0,39}$/;

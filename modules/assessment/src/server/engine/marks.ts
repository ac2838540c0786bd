/**
 * Marks, coefficients, credits and jury points as integer thousandths: 14.5
 * is 14500. Every value of the rules has at most 3 decimals, so this is
 * exact decimal arithmetic done with integers — sums and products stay far
 * below 2^53 — and never binary floating point (decision 0014).
 */
export type Thousandths = number;

const DECIMAL = /^(\d{1,6})(?:\.(\d{1,3}))?$/;

/** "14.5" → 14500; undefined when the text is not a decimal with at most 3 decimals. */
export function parseThousandths(text: string): Thousandths | undefined {
  const match = DECIMAL.exec(text.trim().replace(',', '.'));
  if (match === null) return undefined;
  return Number(match[1]) * 1000 + Number((match[2] ?? '').padEnd(3, '0'));
}

/** 14500 → "14.500" (3 decimals, as results are printed). */
export function formatThousandths(value: Thousandths): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  return `${sign}${Math.trunc(abs / 1000)}.${String(abs % 1000).padStart(3, '0')}`;
}

/**
 * The weighted mean Σ(cᵢ·mᵢ) / Σcᵢ of marks and coefficients in thousandths,
 * rounded half up to the thousandth: the quotient is exact (integers), the
 * rounding is the only step that drops anything.
 */
export function weightedMean(weightedSum: number, totalWeight: number): Thousandths {
  // (2n + d) div 2d rounds n/d half up for n ≥ 0, d > 0.
  return Math.floor((2 * weightedSum + totalWeight) / (2 * totalWeight));
}

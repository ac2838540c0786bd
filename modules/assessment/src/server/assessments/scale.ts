import { weightedMean, type Thousandths } from '../engine/index.ts';

/** The scale of an assessment when none is given, and the bounds of any (decision 0015). */
export const DEFAULT_SCALE = 20;
export const MIN_SCALE = 1;
export const MAX_SCALE = 1000;

/**
 * A mark on its assessment's scale → the same mark on 20, for the results
 * engine: v·20/scale rounded half up to the thousandth, in integers (the
 * rounding of a weighted mean with one part), so 7.5/10 is exactly 15/20 and
 * 2/3 is 13.333/20. A mark on 20 is left as it is.
 */
export function onTwenty(mark: Thousandths, scale: number): Thousandths {
  if (scale === DEFAULT_SCALE) return mark;
  return weightedMean(mark * DEFAULT_SCALE, scale);
}

export type MarkReading = { ok: true; text: string | null } | { ok: false; why: 'not-a-number' | 'too-many-decimals' | 'out-of-scale'; message: string };

const NUMBER = /^-?(\d+)(?:[.,](\d+))?$/;

/**
 * A mark as a person writes it → its stored text ("12.500", "ABI", "ABJ"),
 * or why it is not one on this scale: not a number, more than 3 decimals,
 * below 0 or above the scale. A decimal comma is accepted; ABI and ABJ in
 * any case.
 */
export function readMark(input: string, scale: number): MarkReading {
  // Spaces around only (trim() takes no-break spaces too): "12 5" is not 125.
  const text = input.trim();
  const upper = text.toUpperCase();
  if (upper === 'ABI' || upper === 'ABJ') return { ok: true, text: upper };
  const match = NUMBER.exec(text);
  if (match === null) return { ok: false, why: 'not-a-number', message: `"${input}" is not a number, nor ABI or ABJ` };
  const decimals = match[2] ?? '';
  if (decimals.replace(/0+$/, '').length > 3) return { ok: false, why: 'too-many-decimals', message: `"${input}" has more than 3 decimals` };
  const whole = match[1]!.replace(/^0+(?=\d)/, '');
  const thousandths = text.startsWith('-') ? -1 : Number(whole) * 1000 + Number(decimals.slice(0, 3).padEnd(3, '0'));
  if (whole.length > 4 || thousandths < 0 || thousandths > scale * 1000) {
    return { ok: false, why: 'out-of-scale', message: `"${input}" is not between 0 and ${scale}, the scale of this assessment` };
  }
  return { ok: true, text: `${Math.trunc(thousandths / 1000)}.${String(thousandths % 1000).padStart(3, '0')}` };
}

/** What a person typed in a mark cell, as the API takes it. */
export type MarkInput =
  { kind: 'empty' } | { kind: 'mark'; value: string } | { kind: 'absence'; value: 'ABI' | 'ABJ' } | { kind: 'invalid'; reason: 'format' | 'above' };

/**
 * A mark typed in a sheet: « 14,5 » or « 14.5 » on the sheet's scale (at
 * most 3 decimals) → "14.5"; « abi », « ABJ » (absences, any case); nothing
 * (a mark to clear). Kept as an exact decimal string: never a float (decision 0014).
 */
export function parseMarkInput(input: string, scale = 20): MarkInput {
  const text = input.replace(/\s+/g, '').toUpperCase();
  if (text === '') return { kind: 'empty' };
  if (text === 'ABI' || text === 'ABJ') return { kind: 'absence', value: text };
  const match = /^(\d{1,6})(?:[.,](\d{1,3}))?$/.exec(text);
  if (!match) return { kind: 'invalid', reason: 'format' };
  const whole = match[1]!.replace(/^0+(?=\d)/, '');
  const decimals = (match[2] ?? '').replace(/0+$/, '');
  // Compared in thousandths, as integers: exact.
  if (Number(whole) * 1000 + Number(decimals.padEnd(3, '0') || '0') > scale * 1000) return { kind: 'invalid', reason: 'above' };
  return { kind: 'mark', value: decimals ? `${whole}.${decimals}` : whole };
}

/** The value sent for an input: a mark, an absence, or null to clear; undefined when it cannot be sent. */
export function markToSend(input: MarkInput): string | null | undefined {
  if (input.kind === 'invalid') return undefined;
  return input.kind === 'empty' ? null : input.value;
}

/** « 12,5 » in French, « 12.5 » in English: the API's exact decimal ("12.500"), trailing zeros dropped; absences as they are. */
export function formatMark(mark: string | null, language: string): string {
  if (mark === null) return '';
  if (!/^\d+(\.\d+)?$/.test(mark)) return mark;
  const trimmed = mark.includes('.') ? mark.replace(/0+$/, '').replace(/\.$/, '') : mark;
  return language === 'en' ? trimmed : trimmed.replace('.', ',');
}

/** Whether what is typed means the mark already saved (« 12,5 » and "12.500" are the same). */
export function sameMark(input: string, saved: string | null, scale = 20): boolean {
  const parsed = parseMarkInput(input, scale);
  if (parsed.kind === 'invalid') return false;
  const sent = markToSend(parsed) ?? null;
  if (sent === null || saved === null) return sent === saved;
  return formatMark(sent, 'en') === formatMark(saved, 'en');
}

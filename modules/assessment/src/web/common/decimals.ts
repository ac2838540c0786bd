/**
 * A decimal typed by a person (« 1,5 » or « 1.5 », at most 3 decimals, at
 * most 6 digits before) as the API takes it ("1.5"); undefined otherwise.
 * Kept as text: never a float (decision 0014).
 */
export function parseDecimal(input: string): string | undefined {
  const match = /^(\d{1,6})(?:[.,](\d{1,3}))?$/.exec(input.replace(/\s+/g, ''));
  if (!match) return undefined;
  const whole = match[1]!.replace(/^0+(?=\d)/, '');
  const decimals = (match[2] ?? '').replace(/0+$/, '');
  return decimals ? `${whole}.${decimals}` : whole;
}

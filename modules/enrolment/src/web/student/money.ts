/**
 * An amount in euro cents as the person reads it in their language:
 * 17800 → « 178,00 € » in French, « €178.00 » in English. Amounts are
 * integers in cents; cents / 100 is within far less than half a cent of the
 * exact value, so laying it out with two decimals is exact.
 */
export function formatCents(cents: number, language: string): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'fr-FR', { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

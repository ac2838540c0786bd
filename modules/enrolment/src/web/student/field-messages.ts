/**
 * The API words its field errors in English for integrators. The student
 * reads those of their record and enrolment in their language: the rules of
 * the record (dates, codes valid on a day) here, then the kit's common
 * messages (`fallback`), then the API's own words.
 */
const KNOWN: [RegExp, string][] = [
  [/^must be at least ten years after the birth$/, 'online.messages.bacAfterBirth'],
  [/^must not be before the bac year$/, 'online.messages.notBeforeBac'],
  [/^must not be after \d{4}$/, 'online.messages.notAfterNextYear'],
  [/^is for a birth in France only/, 'online.messages.communeFranceOnly'],
  [/^is not a value of the nomenclature/, 'online.messages.notAValue'],
  [/^was not a valid \S+ value on/, 'online.messages.notValidThen'],
  [/^must be a valid e-mail address/, 'online.messages.email'],
  [/^must be (>=|<=|>|<) \d+$/, 'online.messages.year'],
  [/^must match the pattern/, 'online.messages.format'],
];

export function studentFieldMessage(message: string, translate: (key: string) => string, fallback: (message: string) => string): string {
  const known = KNOWN.find(([pattern]) => pattern.test(message));
  return known ? translate(known[1]) : fallback(message);
}

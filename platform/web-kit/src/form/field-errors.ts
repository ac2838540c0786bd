import { ProblemError } from '../api/problem.ts';

/** Field errors of a problem, by JSON pointer (`/code`, `/labels/fr`). */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ProblemError)) return {};
  const errors: Record<string, string> = {};
  for (const item of error.problem.errors ?? []) if (item.field && item.in !== 'headers' && !(item.field in errors)) errors[item.field] = item.message;
  return errors;
}

/**
 * The API words its field errors in English for integrators; the person at
 * the form reads them in their language. Messages without a translation are
 * shown as the API gave them.
 */
const KNOWN: [RegExp, string][] = [
  [/^is required$/, 'form.messages.required'],
  [/^is already used$/, 'form.messages.alreadyUsed'],
  [/^does not exist$/, 'form.messages.doesNotExist'],
  [/^would make a cycle$/, 'form.messages.cycle'],
  [/^must match the pattern/, 'form.messages.pattern'],
  [/^must be a valid date/, 'form.messages.date'],
  [/^must (NOT )?have (fewer|more) than/i, 'form.messages.length'],
];

export function translateFieldMessage(message: string, translate: (key: string) => string): string {
  const known = KNOWN.find(([pattern]) => pattern.test(message));
  return known ? translate(known[1]) : message;
}

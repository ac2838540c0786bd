import { ProblemError, translateFieldMessage } from '@pegase/web-kit';

/** The API's field errors of a problem (`/reason`, `/arrangements/0/code`…) by JSON pointer, the first of each. */
export function apiFieldErrors(error: unknown): Map<string, string> {
  const found = new Map<string, string>();
  if (!(error instanceof ProblemError)) return found;
  for (const item of error.problem.errors ?? []) if (item.field && item.in !== 'headers' && !found.has(item.field)) found.set(item.field, item.message);
  return found;
}

/**
 * The API words its field errors in English for integrators; the person
 * reads them in their language: a message of the page when the field has
 * one (`own`), else the kit's, else the API's words.
 */
export function fieldMessage(message: string, t: (key: string, options?: Record<string, unknown>) => string, own?: string): string {
  return own ?? translateFieldMessage(message, (key: string) => t(key, { ns: 'translation' }));
}

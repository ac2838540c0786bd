import { describe, expect, it } from 'vitest';
import { ProblemError } from '../api/problem.ts';
import { fieldErrorsOf, translateFieldMessage } from './field-errors.ts';

describe('field errors of a problem', () => {
  it('keeps the first message of each field, by JSON pointer, and ignores headers', () => {
    const error = new ProblemError({
      status: 400,
      errors: [
        { in: 'body', field: '/code', message: 'is already used' },
        { in: 'body', field: '/code', message: 'must match the pattern ^[A-Z]$' },
        { in: 'body', field: '/labels/fr', message: 'is required' },
        { in: 'headers', field: '/if-match', message: 'is required' },
      ],
    });
    expect(fieldErrorsOf(error)).toEqual({ '/code': 'is already used', '/labels/fr': 'is required' });
    expect(fieldErrorsOf(new Error('network'))).toEqual({});
  });

  it('translates the messages it knows and leaves the others as the API wrote them', () => {
    const translate = (key: string) => `«${key}»`;
    expect(translateFieldMessage('is required', translate)).toBe('«form.messages.required»');
    expect(translateFieldMessage('must match the pattern ^[A-Z0-9]$', translate)).toBe('«form.messages.pattern»');
    expect(translateFieldMessage('would make a cycle', translate)).toBe('«form.messages.cycle»');
    expect(translateFieldMessage('must start after the academic year', translate)).toBe('must start after the academic year');
  });
});

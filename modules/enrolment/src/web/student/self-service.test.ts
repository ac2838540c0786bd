import { describe, expect, it } from 'vitest';
import { studentFieldMessage } from './field-messages.ts';
import { forgetSubmissionKey, submissionKey } from './idempotency.ts';
import { formatCents } from './money.ts';

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(name: string) {
    return this.items.get(name) ?? null;
  }
  setItem(name: string, value: string) {
    this.items.set(name, value);
  }
  removeItem(name: string) {
    this.items.delete(name);
  }
}

describe('the student’s submission, amounts and messages', () => {
  it('sends the same idempotency key for an enrolment until the submission went through', () => {
    const storage = new MemoryStorage();
    const first = submissionKey('e1', storage);
    expect(first).toMatch(/^[A-Za-z0-9_-]{8,100}$/);
    expect(submissionKey('e1', storage)).toBe(first);
    expect(submissionKey('e2', storage)).not.toBe(first);
    forgetSubmissionKey('e1', storage);
    expect(submissionKey('e1', storage)).not.toBe(first);
  });

  it('shows cents as euros in the person’s language', () => {
    expect(formatCents(17800, 'fr')).toBe('178,00\u00a0€');
    expect(formatCents(5934, 'fr')).toBe('59,34\u00a0€');
    expect(formatCents(123456789, 'fr')).toBe('1\u202f234\u202f567,89\u00a0€');
    expect(formatCents(-17800, 'fr')).toBe('-178,00\u00a0€');
    expect(formatCents(17800, 'en')).toBe('€178.00');
    expect(formatCents(1, 'en')).toBe('€0.01');
  });

  it('words the record’s rules in the person’s language, then the kit’s, then the API’s', () => {
    const translate = (key: string) => `«${key}»`;
    const kit = (message: string) => (message === 'is required' ? '«required»' : message);
    expect(studentFieldMessage('must be at least ten years after the birth', translate, kit)).toBe('«online.messages.bacAfterBirth»');
    expect(studentFieldMessage('was not a valid BAC-SERIES value on 2010-07-01', translate, kit)).toBe('«online.messages.notValidThen»');
    expect(studentFieldMessage('must not be after 2027', translate, kit)).toBe('«online.messages.notAfterNextYear»');
    expect(studentFieldMessage('must be a valid e-mail address', translate, kit)).toBe('«online.messages.email»');
    expect(studentFieldMessage('is required', translate, kit)).toBe('«required»');
    expect(studentFieldMessage('something new', translate, kit)).toBe('something new');
  });
});

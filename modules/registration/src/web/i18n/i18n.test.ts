import { describe, expect, it } from 'vitest';
import { flattenTexts, textParityProblems } from '@pegase/web-kit/text-parity';
import { registrationEn } from './en.ts';
import { registrationFr } from './fr.ts';

describe('registration’s texts', () => {
  it('say the same things in French and English, with the same placeholders', () => {
    expect(textParityProblems(registrationFr, registrationEn)).toEqual([]);
  });

  it('name every kind and status of an entry the API answers, and every problem of registration', () => {
    expect(Object.keys(registrationFr.kind).sort()).toEqual(['chosen', 'mandatory', 'point']);
    expect(Object.keys(registrationFr.status).sort()).toEqual(['offered', 'registered', 'waiting']);
    expect(Object.keys(registrationFr.problems).sort()).toEqual(
      [
        'busy',
        'choice-window-closed',
        'enrolment-not-validated',
        'invalid-choice',
        'invalid-window',
        'no-offer',
        'not-a-grouping',
        'invalid-entry',
        'invalid-arrangements',
        'group-full',
        'not-following',
        'no-groups',
        'duplicate-code',
      ].sort(),
    );
  });

  it('write French with typographic apostrophes', () => {
    for (const [path, text] of flattenTexts(registrationFr)) expect(text, path).not.toContain("'");
  });
});

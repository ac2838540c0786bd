import { describe, expect, it } from 'vitest';
import { registrationEn } from './en.ts';
import { registrationFr } from './fr.ts';

/** Every text as `path → text`. */
function flatten(texts: object, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(texts)) {
    if (typeof value === 'string') flat.set(`${prefix}${key}`, value);
    else for (const [path, text] of flatten(value as object, `${prefix}${key}.`)) flat.set(path, text);
  }
  return flat;
}

const placeholders = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((match) => match[1]).sort();

describe('registration’s texts', () => {
  it('say the same things in French and English, with the same placeholders', () => {
    const fr = flatten(registrationFr);
    const en = flatten(registrationEn);
    expect([...en.keys()].sort()).toEqual([...fr.keys()].sort());
    for (const [path, text] of fr) {
      expect(text.trim(), path).not.toBe('');
      expect(placeholders(en.get(path)!), path).toEqual(placeholders(text));
    }
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
    for (const [path, text] of flatten(registrationFr)) expect(text, path).not.toContain("'");
  });
});

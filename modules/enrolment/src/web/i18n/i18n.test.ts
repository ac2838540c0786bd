import { describe, expect, it } from 'vitest';
import { enrolmentEn } from './en.ts';
import { enrolmentFr } from './fr.ts';

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

describe('enrolment’s texts', () => {
  it('say the same things in French and English, with the same placeholders', () => {
    const fr = flatten(enrolmentFr);
    const en = flatten(enrolmentEn);
    expect([...en.keys()].sort()).toEqual([...fr.keys()].sort());
    for (const [path, text] of fr) {
      expect(text.trim(), path).not.toBe('');
      expect(placeholders(en.get(path)!), path).toEqual(placeholders(text));
    }
  });

  it('name every status, fee and document state the API answers', () => {
    expect(Object.keys(enrolmentFr.status).sort()).toEqual(['cancelled', 'draft', 'submitted', 'validated']);
    expect(Object.keys(enrolmentFr.payment).sort()).toEqual(['exempt', 'none', 'paid', 'pending', 'unpaid']);
    expect(Object.keys(enrolmentFr.documentStatus).sort()).toEqual(['accepted', 'missing', 'rejected', 'submitted']);
  });
});

import { describe, expect, it } from 'vitest';
import { textParityProblems } from './text-parity.ts';

describe('the parity of French and English texts', () => {
  it('finds nothing to say of matching texts', () => {
    expect(textParityProblems({ a: 'Bonjour {{name}}', b: { c: 'Oui' } }, { a: 'Hello {{name}}', b: { c: 'Yes' } })).toEqual([]);
  });

  it('names a missing key, an empty text and different variables', () => {
    expect(textParityProblems({ a: 'Bonjour {{name}}', b: { c: 'Oui' }, d: ' ' }, { a: 'Hello {{who}}', b: {}, d: 'x', e: 'Extra' })).toEqual([
      'b.c: no English text',
      'e: no French text',
      'a: variables name in French, who in English',
      'd: empty French text',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { isValidUai, uaiControlLetter } from './uai.ts';

describe('UAI control letter', () => {
  it.each([
    ['0751717J', true], // the worked example: 751717 mod 23 = 8 → J
    ['0341087X', true], // 341087 mod 23 = 20 → X
    ['0999999F', true], // the sandbox university: 999999 mod 23 = 5 → F
    ['0751717K', false],
    ['751717J', false],
    ['0751717j', false],
    ['07517170', false],
  ])('%s is %s', (uai, valid) => {
    expect(isValidUai(uai)).toBe(valid);
  });

  it('skips I, O and Q in its 23-letter alphabet', () => {
    const letters = new Set(Array.from({ length: 23 }, (_, n) => uaiControlLetter(String(n).padStart(7, '0'))));
    expect(letters.size).toBe(23);
    for (const absent of ['I', 'O', 'Q']) expect(letters.has(absent)).toBe(false);
  });
});

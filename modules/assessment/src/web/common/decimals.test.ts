import { describe, expect, it } from 'vitest';
import { parseDecimal } from './decimals.ts';

describe('a decimal typed in a form', () => {
  it('is sent exact, with a comma or a dot', () => {
    expect(parseDecimal('1,5')).toBe('1.5');
    expect(parseDecimal(' 02.250 ')).toBe('2.25');
    expect(parseDecimal('30')).toBe('30');
    expect(parseDecimal('0')).toBe('0');
  });

  it('is refused with more than 3 decimals, a sign or letters', () => {
    expect(parseDecimal('1,2345')).toBeUndefined();
    expect(parseDecimal('-1')).toBeUndefined();
    expect(parseDecimal('un')).toBeUndefined();
    expect(parseDecimal('')).toBeUndefined();
  });
});

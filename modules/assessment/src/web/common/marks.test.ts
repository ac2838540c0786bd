import { describe, expect, it } from 'vitest';
import { formatMark, markToSend, parseMarkInput, sameMark } from './marks.ts';

describe('a mark typed in a sheet', () => {
  it('is sent as an exact decimal, with a comma or a dot, at most 3 decimals', () => {
    expect(parseMarkInput('14,5')).toEqual({ kind: 'mark', value: '14.5' });
    expect(parseMarkInput(' 14.50 ')).toEqual({ kind: 'mark', value: '14.5' });
    expect(parseMarkInput('07')).toEqual({ kind: 'mark', value: '7' });
    expect(parseMarkInput('0')).toEqual({ kind: 'mark', value: '0' });
    expect(parseMarkInput('12,125')).toEqual({ kind: 'mark', value: '12.125' });
    expect(parseMarkInput('20')).toEqual({ kind: 'mark', value: '20' });
    expect(parseMarkInput('20,000')).toEqual({ kind: 'mark', value: '20' });
  });

  it('takes the absences in any case, and nothing as a mark to clear', () => {
    expect(parseMarkInput('abi')).toEqual({ kind: 'absence', value: 'ABI' });
    expect(parseMarkInput('AbJ')).toEqual({ kind: 'absence', value: 'ABJ' });
    expect(parseMarkInput('  ')).toEqual({ kind: 'empty' });
    expect(markToSend(parseMarkInput(''))).toBeNull();
    expect(markToSend(parseMarkInput('ABJ'))).toBe('ABJ');
  });

  it('refuses what is not a mark, or above the scale', () => {
    expect(parseMarkInput('12,1255')).toEqual({ kind: 'invalid', reason: 'format' });
    expect(parseMarkInput('-1')).toEqual({ kind: 'invalid', reason: 'format' });
    expect(parseMarkInput('douze')).toEqual({ kind: 'invalid', reason: 'format' });
    expect(parseMarkInput('1e1')).toEqual({ kind: 'invalid', reason: 'format' });
    expect(parseMarkInput('20,001')).toEqual({ kind: 'invalid', reason: 'above' });
    expect(parseMarkInput('21')).toEqual({ kind: 'invalid', reason: 'above' });
    expect(parseMarkInput('85', 100)).toEqual({ kind: 'mark', value: '85' });
    expect(markToSend(parseMarkInput('21'))).toBeUndefined();
  });

  it('is shown in the person’s language, trailing zeros dropped', () => {
    expect(formatMark('12.500', 'fr')).toBe('12,5');
    expect(formatMark('12.500', 'en')).toBe('12.5');
    expect(formatMark('8.000', 'fr')).toBe('8');
    expect(formatMark('ABI', 'fr')).toBe('ABI');
    expect(formatMark(null, 'fr')).toBe('');
  });

  it('knows a mark typed again is the one saved', () => {
    expect(sameMark('12,5', '12.500')).toBe(true);
    expect(sameMark('12,25', '12.500')).toBe(false);
    expect(sameMark('', null)).toBe(true);
    expect(sameMark('abi', 'ABI')).toBe(true);
    expect(sameMark('x', null)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { columnOf, readMarkFile, textOf } from './mark-file.ts';

describe('the columns and cells of a file of marks', () => {
  it('recognises the columns by their French or English names, accents, case and scale ignored', () => {
    expect(columnOf('Code apprenant')).toBe('learnerCode');
    expect(columnOf('N° étudiant')).toBe('learnerCode');
    expect(columnOf('Learner code')).toBe('learnerCode');
    expect(columnOf('Inscription')).toBe('enrolmentId');
    expect(columnOf('Note (/20)')).toBe('mark');
    expect(columnOf('note sur 100')).toBe('mark');
    expect(columnOf('NOTE /10')).toBe('mark');
    expect(columnOf('Nom')).toBeUndefined();
    expect(columnOf(12)).toBeUndefined();
  });

  it('writes a number typed in a spreadsheet as the spreadsheet shows it, never with binary noise', () => {
    expect(textOf(12.5)).toBe('12.5');
    expect(textOf(12.499999999999998)).toBe('12.5');
    expect(textOf(0.1 + 0.2)).toBe('0.3');
    expect(textOf(14)).toBe('14');
    expect(textOf(1e-7)).toBe('0.0000001');
    expect(textOf(40 / 3)).toBe('13.333333333333');
    expect(textOf('  abj ')).toBe('abj');
    expect(textOf(null)).toBeNull();
    expect(textOf('')).toBeNull();
  });

  it('reads the header on the first row and refuses a file without learners or marks column', () => {
    const file = readMarkFile([
      { line: 2, cells: ['Nom', 'Code apprenant', 'Note (/20)'] },
      { line: 3, cells: ['Martin', 'PGS0000001', 12.5] },
      { line: 5, cells: ['Bernard', 'PGS0000002', null] },
    ]);
    expect(file.headerLine).toBe(2);
    expect(file.titles.get('mark')).toBe('Note (/20)');
    expect(file.lines).toEqual([
      { line: 3, learnerCode: 'PGS0000001', enrolmentId: null, mark: '12.5' },
      { line: 5, learnerCode: 'PGS0000002', enrolmentId: null, mark: null },
    ]);
    expect(() => readMarkFile([{ line: 1, cells: ['Nom', 'Note'] }])).toThrow(/code apprenant/);
    expect(() => readMarkFile([])).toThrow(/empty/);
  });
});

import { describe, expect, it } from 'vitest';
import { assertReasonableZip, loadExcelJs, readFirstSheet, sheetCellOf } from './xlsx.ts';

const refuse = (why: string) => new Error(`refused: ${why}`);

describe('the platform’s spreadsheet reader', () => {
  it('reads the first sheet’s rows as the spreadsheet numbers them, with plain cells', async () => {
    const workbook = new (await loadExcelJs()).Workbook();
    const sheet = workbook.addWorksheet('Notes');
    sheet.addRow(['code', 'note']);
    sheet.addRow([]);
    sheet.addRow(['  A1 ', 14.5, null, { formula: 'B3*2', result: 29 }, new Date('2026-09-01T00:00:00Z')]);
    workbook.addWorksheet('Aide').addRow(['not read']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await readFirstSheet(bytes, refuse)).toEqual([
      { line: 1, cells: ['code', 'note'] },
      { line: 3, cells: ['A1', 14.5, null, 29, '2026-09-01'] },
    ]);
  });

  it('keeps an error cell as such, and reads rich text and links by their text', () => {
    expect(sheetCellOf({ error: '#REF!' } as never)).toEqual({ error: '#REF!' });
    expect(sheetCellOf({ richText: [{ text: 'UE-' }, { text: 'ALGO ' }] })).toBe('UE-ALGO');
    expect(sheetCellOf({ text: 'UFR-T', hyperlink: 'https://example.org' })).toBe('UFR-T');
    expect(sheetCellOf('  ')).toBeNull();
  });

  it('refuses, in the caller’s words, what is no workbook or would inflate too far', async () => {
    await expect(readFirstSheet(Buffer.from('code;note\n'), refuse)).rejects.toThrow('refused: it is not an .xlsx workbook');
    // An end-of-directory record announcing one file of 4 GB.
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt32LE(0xfffffff0, 24);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(0, 16);
    expect(() => assertReasonableZip(Buffer.concat([entry, end]), refuse)).toThrow('refused: it would inflate to more than 200 MB');
  });
});

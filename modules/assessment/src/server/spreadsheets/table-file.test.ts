import { describe, expect, it } from 'vitest';
import { readTable, tableFormatOf, writeCsv, writeXlsx } from './table-file.ts';

describe('tables read from CSV and XLSX files', () => {
  it('keeps the line numbers a spreadsheet shows, across blank lines and a cell spanning two lines', async () => {
    const text = '\uFEFFchemin;coefficient;remarque\r\nA>B;1,5;"sur\r\ndeux lignes"\r\n;;\r\n\r\nA>C;2;\r\n';
    expect(await readTable(Buffer.from(text), 'csv')).toEqual([
      { line: 1, cells: ['chemin', 'coefficient', 'remarque'] },
      { line: 2, cells: ['A>B', '1,5', 'sur\r\ndeux lignes'] },
      { line: 6, cells: ['A>C', '2', null] },
    ]);
  });

  it('finds the delimiter from the header: a comma file keeps its quoted decimal commas', async () => {
    const rows = await readTable(Buffer.from('chemin,coefficient\nA>B,"1,5"\n'), 'csv');
    expect(rows[1]!.cells).toEqual(['A>B', '1,5']);
  });

  it('reads Windows-1252 when the bytes are not UTF-8', async () => {
    const rows = await readTable(Buffer.from('crédits;ABJ\n6;zéro\n', 'latin1'), 'csv');
    expect(rows.map((row) => row.cells)).toEqual([
      ['crédits', 'ABJ'],
      ['6', 'zéro'],
    ]);
  });

  it('reads back what it writes, as a workbook and as CSV', async () => {
    const table = [
      ['chemin', 'coefficient', 'compensation'],
      ['A>B', 1.5, 'oui'],
      ['A>C', null, 'non'],
    ];
    expect((await readTable(await writeXlsx([{ name: 'MCC', rows: table }]), 'xlsx')).map((row) => row.cells)).toEqual([
      ['chemin', 'coefficient', 'compensation'],
      ['A>B', 1.5, 'oui'],
      ['A>C', null, 'non'],
    ]);
    const csv = writeCsv(table);
    expect(csv).toBe('\uFEFFchemin;coefficient;compensation\r\nA>B;1.5;oui\r\nA>C;;non\r\n');
    expect((await readTable(Buffer.from(csv), 'csv')).map((row) => row.cells)[2]).toEqual(['A>C', null, 'non']);
  });

  it('knows the two content types, with or without parameters', () => {
    expect(tableFormatOf('text/csv; charset=utf-8')).toBe('csv');
    expect(tableFormatOf('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toBe('xlsx');
    expect(tableFormatOf('application/json')).toBeUndefined();
  });
});

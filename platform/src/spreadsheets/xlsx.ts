import type * as ExcelJs from 'exceljs';
import type { CellValue } from 'exceljs';

/**
 * What every module reading or writing a spreadsheet shares (decision
 * 0010: exceljs): the library loaded once and late, the first sheet of a
 * workbook as rows of plain cells numbered as the spreadsheet numbers them,
 * and the guard against a "zip bomb". Each module says in its own words why
 * it refuses a file (`refuse`), and decides what a row means.
 */
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Largest total of the files inside a workbook (a zip): refuses a "zip bomb" before it is inflated. */
export const XLSX_INFLATED_LIMIT = 200 * 1024 * 1024;

/** A cell as a spreadsheet shows it: a formula by its result, a date as YYYY-MM-DD, an error cell (#DIV/0!) as such. */
export type SheetCell = string | number | boolean | null | { error: string };
export interface SheetRow {
  /** The row's number in the spreadsheet, from 1. */
  line: number;
  cells: SheetCell[];
}
/** Why a file cannot be read, in the module's words: the problem to throw. */
export type Refusal = (why: string) => Error;

/** exceljs takes a third of a second to load: only the first spreadsheet request pays it, not every start of the server. */
let exceljs: Promise<typeof ExcelJs> | undefined;
export async function loadExcelJs(): Promise<typeof ExcelJs> {
  // A CommonJS package: its exports arrive as the default export.
  exceljs ??= import('exceljs').then((loaded) => (loaded as unknown as { default?: typeof ExcelJs }).default ?? loaded);
  return exceljs;
}

/** The first sheet of an .xlsx workbook, every row that holds a value (its cells from column A, empty ones null). */
export async function readFirstSheet(bytes: Buffer, refuse: Refusal): Promise<SheetRow[]> {
  assertReasonableZip(bytes, refuse);
  const workbook = new (await loadExcelJs()).Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw refuse(`not an .xlsx workbook: ${(error as Error).message}`);
  }
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) throw refuse('the workbook has no sheet');
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const values = row.values as CellValue[];
    // exceljs numbers the cells from 1, like the columns A, B, C…
    rows.push({ line, cells: Array.from({ length: Math.max(values.length - 1, 0) }, (_, index) => sheetCellOf(values[index + 1])) });
  });
  return rows;
}

export function sheetCellOf(value: CellValue): SheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('error' in value) return { error: String(value.error) };
  if ('richText' in value) return sheetCellOf(value.richText.map((part) => part.text).join(''));
  if ('hyperlink' in value) return sheetCellOf(value.text);
  if ('formula' in value || 'sharedFormula' in value) return sheetCellOf((value.result ?? null) as CellValue);
  return null;
}

/**
 * Reads the zip's central directory (no inflating) and refuses a workbook
 * whose files would inflate past the limit, or that is no zip at all.
 */
export function assertReasonableZip(bytes: Buffer, refuse: Refusal): void {
  const END = 0x06054b50;
  const ENTRY = 0x02014b50;
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--) {
    if (bytes.readUInt32LE(at) === END) {
      end = at;
      break;
    }
  }
  if (end < 0) throw refuse('it is not an .xlsx workbook');
  const entries = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== ENTRY) throw refuse('its zip directory is damaged');
    const size = bytes.readUInt32LE(at + 24);
    total += size === 0xffffffff ? Number.POSITIVE_INFINITY : size;
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  if (total > XLSX_INFLATED_LIMIT) throw refuse(`it would inflate to more than ${XLSX_INFLATED_LIMIT / 1024 / 1024} MB`);
}

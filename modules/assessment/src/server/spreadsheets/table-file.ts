import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { loadExcelJs, Problem, readFirstSheet, ruleProblem, XLSX_CONTENT_TYPE, type SheetCell } from '@pegase/platform';

/**
 * Tables a gestionnaire fills in a spreadsheet, as the curriculum reads its
 * maquettes (decision 0010: exceljs) and enrolment its CSV files (csv-parse):
 * the first sheet of an .xlsx workbook, or a CSV file as Excel or LibreOffice
 * save it (`;` or `,`, UTF-8 with or without BOM, or Windows-1252). Rows keep
 * the numbers the spreadsheet shows, so that errors point at them.
 */
export type Cell = string | number | boolean | null;
export interface TableRow {
  line: number;
  cells: Cell[];
}
export type TableFormat = 'xlsx' | 'csv';

export { XLSX_CONTENT_TYPE };
export const CSV_CONTENT_TYPE = 'text/csv';
/** A table of thousands of rows weighs well under 1 MB. */
export const TABLE_BODY_LIMIT = 10 * 1024 * 1024;

/** The format a Content-Type names, if it is one of the two. */
export function tableFormatOf(contentType: string | undefined): TableFormat | undefined {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === XLSX_CONTENT_TYPE) return 'xlsx';
  if (type === CSV_CONTENT_TYPE || type === 'application/csv') return 'csv';
  return undefined;
}

/** Refuses, before the body is read, a file of another type or too large (415, 413). */
export function assertTableUpload(contentType: string | undefined, contentLength: string | undefined, what: string): void {
  if (tableFormatOf(contentType) === undefined) {
    const got = contentType === undefined ? 'no Content-Type' : `Content-Type ${contentType}`;
    throw new Problem(
      415,
      'unsupported-media-type',
      'Unsupported media type',
      `Send ${what} as the body: an Excel workbook (.xlsx, Content-Type: ${XLSX_CONTENT_TYPE}) or a CSV file (Content-Type: text/csv); got ${got}.`,
    );
  }
  const length = Number(contentLength);
  if (Number.isFinite(length) && length > TABLE_BODY_LIMIT) {
    throw new Problem(
      413,
      'payload-too-large',
      'Payload too large',
      `The file weighs ${(length / 1024 / 1024).toFixed(1)} MB; the import takes at most ${TABLE_BODY_LIMIT / 1024 / 1024} MB. Remove images and other sheets.`,
    );
  }
}

const unreadable = (why: string) =>
  ruleProblem(
    'unreadable-file',
    `The file cannot be read (${why}). Save it as an Excel workbook (.xlsx) or as CSV (UTF-8, ";" between cells) and import it again. Nothing was imported.`,
  );

export async function readTable(bytes: Buffer, format: TableFormat): Promise<TableRow[]> {
  return format === 'xlsx' ? readXlsx(bytes) : readCsv(bytes);
}

/** UTF-8 when the bytes are UTF-8, else Windows-1252 (what Excel writes for « CSV (séparateur: point-virgule) »). */
function decode(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** `;` or `,` or a tab, whichever the first non-blank line holds most (outside quotes): a decimal comma stays in its cell with `;`. */
function delimiterOf(text: string): string {
  const first = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  const unquoted = first.replace(/"[^"]*"/g, '');
  const counts = [';', ',', '\t'].map((delimiter) => [delimiter, unquoted.split(delimiter).length - 1] as const);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best![1] === 0 ? ';' : best![0];
}

function readCsv(bytes: Buffer): TableRow[] {
  const text = decode(bytes);
  let records: string[][];
  try {
    records = parse(text, { delimiter: delimiterOf(text), relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    throw unreadable(`not a CSV file: ${(error as Error).message}`);
  }
  // Blank lines are records too; a quoted cell may span lines, each of its line ends counting once (csv-parse's own count takes \r\n as two).
  let next = 1;
  return records.flatMap((record) => {
    const line = next;
    next += 1 + record.reduce((breaks, cell) => breaks + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
    const cells = record.map((cell) => (cell.trim() === '' ? null : cell.trim()));
    return cells.every((cell) => cell === null) ? [] : [{ line, cells }];
  });
}

/** The platform's reader of a workbook's first sheet; an error cell (#REF!) is its text here, and rows without a value are left out. */
async function readXlsx(bytes: Buffer): Promise<TableRow[]> {
  const rows = await readFirstSheet(bytes, unreadable);
  return rows.flatMap(({ line, cells }) => {
    const plain = cells.map(plainCell);
    return plain.some((cell) => cell !== null) ? [{ line, cells: plain }] : [];
  });
}

function plainCell(cell: SheetCell): Cell {
  return cell !== null && typeof cell === 'object' ? cell.error : cell;
}

export interface TableSheet {
  name: string;
  rows: Cell[][];
  /** Column widths in characters. */
  widths?: number[];
}

/** A workbook whose first sheet is the table (header in bold, frozen), then any help sheets. */
export async function writeXlsx(sheets: TableSheet[]): Promise<Buffer> {
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = 'Pégase';
  for (const [index, table] of sheets.entries()) {
    const sheet = workbook.addWorksheet(table.name, index === 0 ? { views: [{ state: 'frozen', ySplit: 1 }] } : {});
    for (const row of table.rows) sheet.addRow(row);
    sheet.getRow(1).font = { bold: true };
    table.widths?.forEach((width, column) => {
      sheet.getColumn(column + 1).width = width;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** CSV as a French Excel opens it: UTF-8 with a BOM, `;` between cells, Windows line ends. */
export function writeCsv(rows: Cell[][]): string {
  return `\uFEFF${stringify(rows, { delimiter: ';', record_delimiter: 'windows' })}`;
}

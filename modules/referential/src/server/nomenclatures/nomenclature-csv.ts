import { parse, type CsvError } from 'csv-parse/sync';
import { ruleProblem, type FieldError } from '@pegase/platform';
import { Code } from '../../contract/index.ts';
import { isIsoDate } from './nomenclature-validity.ts';

/**
 * The CSV format of nomenclature values (sandbox/nomenclatures/README.md):
 * a header line naming the columns in any order, then one value per line.
 *
 *   code,label_fr,label_en,valid_from,valid_to
 *
 * - the separator is `,` or `;`, whichever the header line uses (a French
 *   spreadsheet saves with `;`); RFC 4180 quoting; UTF-8 with or without BOM;
 * - `code`, `label_fr` and `valid_from` are required columns; `label_en` and
 *   `valid_to` are optional. An empty cell means "none" (no English label,
 *   open-ended validity). A column left out of the file altogether leaves that
 *   field of an existing value as it is, and is "none" for a new value;
 * - blank lines, and lines whose cells are all empty, are ignored;
 * - line numbers are those of the file (the header is line 1 unless blank
 *   lines precede it); errors point at `/line/<n>/<column>`.
 */
export const csvColumns = ['code', 'label_fr', 'label_en', 'valid_from', 'valid_to'] as const;
export type CsvColumn = (typeof csvColumns)[number];
const requiredColumns: readonly CsvColumn[] = ['code', 'label_fr', 'valid_from'];

const CODE = new RegExp((Code as unknown as { pattern: string }).pattern);
const LABEL_MAX = 200;

export interface CsvValueLine {
  /** Line of the file where the value starts (the header is line 1). */
  line: number;
  code: string;
  labelFr: string;
  /** undefined: the file has no label_en column. */
  labelEn: string | null | undefined;
  validFrom: string;
  /** undefined: the file has no valid_to column. */
  validTo: string | null | undefined;
}

export interface ParsedCsv {
  delimiter: ',' | ';';
  /** The lines that are valid on their own (overlaps and duplicates are checked by the import plan). */
  lines: CsvValueLine[];
  errors: FieldError[];
}

/**
 * Bytes of the request body or of a file to text. UTF-8 only: a file saved in
 * Windows-1252 or Latin-1 is refused with the lines where it is not UTF-8,
 * rather than imported with garbled accents. A BOM is dropped.
 */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const lines = new TextDecoder('utf-8').decode(bytes).split('\n');
    const errors: FieldError[] = [];
    lines.forEach((text, index) => {
      if (text.includes('\uFFFD')) errors.push({ in: 'body', field: `/line/${index + 1}`, message: 'is not UTF-8 text' });
    });
    throw ruleProblem(
      'invalid-import',
      `The file is not UTF-8 text (${errors.length} line(s) are not); save it as "CSV UTF-8" and import it again. Nothing was imported.`,
      errors.slice(0, 100),
    );
  }
}

export function parseNomenclatureCsv(input: string): ParsedCsv {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const delimiter = detectDelimiter(text);
  const errors: FieldError[] = [];
  const records = parse(text, {
    delimiter,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error: CsvError | undefined) => {
      if (error !== undefined) errors.push(syntaxError(error));
      return undefined;
    },
  }) as unknown as { record: string[]; info: { lines: number } }[];

  const [headerRecord, ...body] = records.map(({ record, info }) => ({ cells: record, line: startLine(record, info.lines) }));
  if (headerRecord === undefined) {
    return {
      delimiter,
      lines: [],
      errors: [{ in: 'body', field: '/line/1', message: `the file is empty; its first line must be the header ${csvColumns.join(',')}` }, ...errors],
    };
  }
  const header = readHeader(headerRecord.cells, headerRecord.line);
  if (header.errors.length > 0) return { delimiter, lines: [], errors: [...header.errors, ...errors] };

  const lines: CsvValueLine[] = [];
  for (const { cells, line } of body) {
    if (cells.every((cell) => cell.trim() === '')) continue;
    const result = readLine(cells, line, header.positions);
    if ('errors' in result) errors.push(...result.errors);
    else lines.push(result);
  }
  return { delimiter, lines, errors: sortByLine(errors) };
}

/** The separator the header line uses: `;` when it has more semicolons than commas. */
export function detectDelimiter(text: string): ',' | ';' {
  const end = text.search(/\r?\n/);
  const first = end === -1 ? text : text.slice(0, end);
  const count = (separator: string) => first.split(separator).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/** csv-parse counts lines up to the end of the record; a quoted cell may span several. */
function startLine(cells: string[], endLine: number): number {
  const inner = cells.reduce((total, cell) => total + (cell.match(/\n/g)?.length ?? 0), 0);
  return endLine - inner;
}

function syntaxError(error: CsvError): FieldError {
  const line = typeof error['lines'] === 'number' ? error['lines'] : 0;
  const messages: Record<string, string> = {
    CSV_INVALID_CLOSING_QUOTE: 'has a double quote inside a cell: wrap the cell in double quotes and double each quote inside it',
    CSV_QUOTE_NOT_CLOSED: 'opens a double quote that is never closed',
  };
  return { in: 'body', field: `/line/${line}`, message: messages[error.code] ?? error.message };
}

type Positions = Partial<Record<CsvColumn, number>> & { count: number };

function readHeader(cells: string[], line: number): { positions: Positions; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const positions: Positions = { count: cells.length };
  cells.forEach((cell, index) => {
    const name = cell.trim().toLowerCase();
    if (!(csvColumns as readonly string[]).includes(name)) {
      errors.push({ in: 'body', field: `/line/${line}/${name || index + 1}`, message: `is not a known column; the columns are ${csvColumns.join(', ')}` });
    } else if (positions[name as CsvColumn] !== undefined) {
      errors.push({ in: 'body', field: `/line/${line}/${name}`, message: 'appears twice in the header' });
    } else {
      positions[name as CsvColumn] = index;
    }
  });
  for (const column of requiredColumns) {
    if (positions[column] === undefined)
      errors.push({ in: 'body', field: `/line/${line}/${column}`, message: 'is a required column and is missing from the header' });
  }
  return { positions, errors };
}

function readLine(cells: string[], line: number, positions: Positions): CsvValueLine | { errors: FieldError[] } {
  if (cells.length !== positions.count) {
    return {
      errors: [
        {
          in: 'body',
          field: `/line/${line}`,
          message: `has ${cells.length} cells where the header has ${positions.count}; check the separators and the quotes`,
        },
      ],
    };
  }
  const errors: FieldError[] = [];
  const fail = (column: CsvColumn, message: string) => errors.push({ in: 'body', field: `/line/${line}/${column}`, message });
  const cell = (column: CsvColumn): string | undefined => {
    const position = positions[column];
    return position === undefined ? undefined : (cells[position] ?? '').trim();
  };

  const code = cell('code') ?? '';
  if (code === '') fail('code', 'is required');
  else if (!CODE.test(code)) fail('code', 'must be upper-case letters, digits and "-", 1 to 40 characters, starting with a letter or digit');

  const labelFr = cell('label_fr') ?? '';
  if (labelFr === '') fail('label_fr', 'is required');
  else if (labelFr.length > LABEL_MAX) fail('label_fr', `must have at most ${LABEL_MAX} characters`);

  const labelEnCell = cell('label_en');
  if (labelEnCell !== undefined && labelEnCell.length > LABEL_MAX) fail('label_en', `must have at most ${LABEL_MAX} characters`);

  const validFrom = cell('valid_from') ?? '';
  if (validFrom === '') fail('valid_from', 'is required');
  else if (!isIsoDate(validFrom)) fail('valid_from', 'must be a date written YYYY-MM-DD');

  const validToCell = cell('valid_to');
  if (validToCell !== undefined && validToCell !== '') {
    if (!isIsoDate(validToCell)) fail('valid_to', 'must be a date written YYYY-MM-DD, or empty when the value has no end');
    else if (isIsoDate(validFrom) && validToCell < validFrom) fail('valid_to', `must not be before valid_from (${validFrom})`);
  }

  if (errors.length > 0) return { errors };
  return {
    line,
    code,
    labelFr,
    labelEn: labelEnCell === undefined ? undefined : labelEnCell === '' ? null : labelEnCell,
    validFrom,
    validTo: validToCell === undefined ? undefined : validToCell === '' ? null : validToCell,
  };
}

/** Errors in the order of the file's lines (the sort is stable within a line). */
export function sortByLine(errors: FieldError[]): FieldError[] {
  const lineOf = (error: FieldError) => Number(/^\/line\/(\d+)/.exec(error.field)?.[1] ?? 0);
  return [...errors].sort((a, b) => lineOf(a) - lineOf(b));
}

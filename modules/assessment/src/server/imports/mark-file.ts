import { foldForSearch, ruleProblem, type FieldError } from '@pegase/platform';
import type { Cell, TableRow } from '../spreadsheets/table-file.ts';

/**
 * A file of marks as a gestionnaire fills it (the template of
 * GET …/marks/template, or their own): a header row, then one learner a
 * row. Columns, in any order, French or English names, others ignored:
 *
 *   code apprenant | learner code | code | numéro étudiant  — the learner's code
 *   inscription | enrolment id                               — or the enrolment's id
 *   note | mark  (a scale in brackets is ignored: « note (/20) »)
 */
export type MarkColumn = 'learnerCode' | 'enrolmentId' | 'mark';

export interface MarkLine {
  line: number;
  learnerCode: string | null;
  enrolmentId: string | null;
  /** The mark as written ("12,5", "ABI"…), null when the cell is empty. */
  mark: string | null;
}

export interface MarkFile {
  headerLine: number;
  /** The header as the file writes it, for messages. */
  titles: Map<MarkColumn, string>;
  lines: MarkLine[];
}

const COLUMNS: Record<string, MarkColumn> = {
  code_apprenant: 'learnerCode',
  apprenant: 'learnerCode',
  code: 'learnerCode',
  learner: 'learnerCode',
  learner_code: 'learnerCode',
  code_etudiant: 'learnerCode',
  numero_etudiant: 'learnerCode',
  n_etudiant: 'learnerCode',
  no_etudiant: 'learnerCode',
  matricule: 'learnerCode',
  inscription: 'enrolmentId',
  id_inscription: 'enrolmentId',
  enrolment: 'enrolmentId',
  enrolment_id: 'enrolmentId',
  enrollment_id: 'enrolmentId',
  note: 'mark',
  notes: 'mark',
  mark: 'mark',
};

/** « Note (/20) », « note sur 20 », « N° étudiant » → note, note, n_etudiant. */
export function columnOf(title: Cell): MarkColumn | undefined {
  if (typeof title !== 'string') return undefined;
  const key = foldForSearch(title)
    .replace(/\(.*\)/g, ' ')
    .replace(/(\/|\bsur\b)\s*\d+\s*$/, ' ')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return COLUMNS[key];
}

/**
 * A cell as text. A number typed in a spreadsheet arrives as a binary
 * double: it is written with the 15 significant digits a spreadsheet shows
 * (12.5, not 12.499999999999998), then checked as text like any mark.
 */
export function textOf(cell: Cell | undefined): string | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'number') {
    return Number(cell.toPrecision(15))
      .toFixed(12)
      .replace(/\.?0+$/, '');
  }
  const text = String(cell).trim();
  return text === '' ? null : text;
}

/** The header and the rows of learners; a file without the columns it needs is refused whole (422 invalid-import). */
export function readMarkFile(rows: TableRow[]): MarkFile {
  const header = rows[0];
  if (header === undefined) {
    throw ruleProblem('invalid-import', 'The file is empty: it needs a header row (code apprenant; note) and one learner a row. Nothing was imported.');
  }
  const at = new Map<MarkColumn, number>();
  const titles = new Map<MarkColumn, string>();
  header.cells.forEach((cell, index) => {
    const column = columnOf(cell);
    if (column === undefined || at.has(column)) return;
    at.set(column, index);
    titles.set(column, String(cell));
  });
  const errors: FieldError[] = [];
  if (!at.has('learnerCode') && !at.has('enrolmentId')) {
    errors.push({ in: 'body', field: `/rows/${header.line}`, message: 'lacks the column of the learners: « code apprenant » (or « inscription »)' });
  }
  if (!at.has('mark')) errors.push({ in: 'body', field: `/rows/${header.line}`, message: 'lacks the column of the marks: « note »' });
  if (errors.length > 0) {
    throw ruleProblem(
      'invalid-import',
      `Row ${header.line}, the header, ${errors.map((error) => error.message).join(' and ')}; download the template of the sheet to see the expected columns. Nothing was imported.`,
      errors,
    );
  }
  const cell = (row: TableRow, column: MarkColumn) => (at.has(column) ? textOf(row.cells[at.get(column)!]) : null);
  return {
    headerLine: header.line,
    titles,
    lines: rows.slice(1).map((row) => ({
      line: row.line,
      learnerCode: cell(row, 'learnerCode'),
      enrolmentId: cell(row, 'enrolmentId'),
      mark: cell(row, 'mark'),
    })),
  };
}

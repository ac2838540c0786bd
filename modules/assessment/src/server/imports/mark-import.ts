import { sql } from 'drizzle-orm';
import { Problem, rowsOf, type FieldError, type ModuleContext, type Origin } from '@pegase/platform';
import type { MarksImportReport } from '../../contract/index.ts';
import { sheetInReach } from '../assessments/assessment-store.ts';
import { assertUnlocked, sheetLinesOf, writeMarks } from '../assessments/marks.ts';
import { readMark } from '../assessments/scale.ts';
import { readTable, type TableFormat } from '../spreadsheets/table-file.ts';
import { readMarkFile, type MarkColumn, type MarkFile } from './mark-file.ts';

/** A wrong row: where (the spreadsheet's row number, the column's title as the file writes it) and what to correct, like the MCC import's. */
interface ImportError extends FieldError {
  row: number;
  column: string;
}

/** At most this many errors are listed in the problem (the count is always whole). */
const MAX_LISTED_ERRORS = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Imports a file of marks (CSV or XLSX) on an assessment's sheet, all or
 * nothing, as the manual entry does: the sheet is locked for update, every
 * row is checked against it — the learner known and on the sheet, once in
 * the file, the mark a number from 0 to the scale with at most 3 decimals,
 * ABI or ABJ — and one 422 lists every wrong row; otherwise the marks that
 * change are written with their history and one event. An empty mark cell
 * leaves the mark as it is, so a file of some marks only completes the
 * sheet, and the same file imported again changes nothing.
 */
export async function importMarks(
  context: ModuleContext,
  assessmentId: string,
  bytes: Buffer,
  format: TableFormat,
  origin: Origin,
): Promise<MarksImportReport> {
  return context.transaction(async (tx) => {
    const { row, assessment } = await sheetInReach(tx, origin, assessmentId, 'import the marks of this sheet', true);
    // A locked sheet is refused before its file is read: 409 whatever the file holds.
    assertUnlocked(assessment);
    const file = readMarkFile(await readTable(bytes, format));
    const sheet = await sheetLinesOf(tx, row);
    const byCode = new Map(sheet.map((line) => [line.learnerCode.toUpperCase(), line.enrolmentId]));
    const byEnrolment = new Map(sheet.map((line) => [line.enrolmentId.toLowerCase(), line.learnerCode]));
    const codesOff = file.lines.flatMap((line) => (line.learnerCode !== null && !byCode.has(line.learnerCode.toUpperCase()) ? [line.learnerCode] : []));
    const knownCodes = new Set(
      codesOff.length === 0
        ? []
        : (
            await rowsOf<{ code: string }>(
              tx,
              sql`select upper(code) as code from assessment.learners where upper(code) = any(${sql.param(codesOff.map((code) => code.toUpperCase()))}::text[])`,
            )
          ).map((known) => known.code),
    );
    const enrolmentsOff = file.lines.flatMap((line) =>
      line.enrolmentId !== null && UUID.test(line.enrolmentId) && !byEnrolment.has(line.enrolmentId.toLowerCase()) ? [line.enrolmentId.toLowerCase()] : [],
    );
    const knownEnrolments = new Set(
      enrolmentsOff.length === 0
        ? []
        : (
            await rowsOf<{ enrolment_id: string }>(
              tx,
              sql`select enrolment_id::text from assessment.cursus where enrolment_id = any(${sql.param(enrolmentsOff)}::uuid[])`,
            )
          ).map((known) => known.enrolment_id),
    );

    const errors: ImportError[] = [];
    const fail = (line: number, key: MarkColumn, message: string) => {
      const column = file.titles.get(key) ?? key;
      errors.push({ in: 'body', field: `/rows/${line}/${key}`, row: line, column, message: `${column}: ${message}` });
    };
    const notOnSheet = `is not on this sheet (their cursus does not follow ${row.path}, or they are exempted or credited)`;
    const rowOf = new Map<string, number>();
    const wanted: { enrolmentId: string; text: string | null }[] = [];
    let empty = 0;
    for (const line of file.lines) {
      let enrolmentId: string | undefined;
      if (line.learnerCode !== null) {
        enrolmentId = byCode.get(line.learnerCode.toUpperCase());
        if (enrolmentId === undefined) {
          fail(
            line.line,
            'learnerCode',
            knownCodes.has(line.learnerCode.toUpperCase()) ? `learner ${line.learnerCode} ${notOnSheet}` : `no learner has the code ${line.learnerCode}`,
          );
        } else if (line.enrolmentId !== null && line.enrolmentId.toLowerCase() !== enrolmentId) {
          fail(line.line, 'enrolmentId', `${line.enrolmentId} is not the enrolment of learner ${line.learnerCode} on this sheet`);
        }
      } else if (line.enrolmentId !== null) {
        const id = line.enrolmentId.toLowerCase();
        if (byEnrolment.has(id)) enrolmentId = id;
        else
          fail(
            line.line,
            'enrolmentId',
            knownEnrolments.has(id) ? `enrolment ${line.enrolmentId} ${notOnSheet}` : `no enrolment has the id ${line.enrolmentId}`,
          );
      } else {
        fail(line.line, file.titles.has('learnerCode') ? 'learnerCode' : 'enrolmentId', 'is empty: whose mark is it?');
      }
      if (enrolmentId !== undefined) {
        const first = rowOf.get(enrolmentId);
        if (first !== undefined) fail(line.line, 'learnerCode', `duplicate row: this learner is already on row ${first}`);
        else rowOf.set(enrolmentId, line.line);
      }
      if (line.mark === null) {
        empty++;
        continue;
      }
      const reading = readMark(line.mark, row.scale);
      if (!reading.ok) fail(line.line, 'mark', `${reading.message}: a mark from 0 to ${row.scale} with at most 3 decimals, ABI or ABJ`);
      else if (enrolmentId !== undefined) wanted.push({ enrolmentId, text: reading.text });
    }
    if (errors.length > 0) throw invalidImport(file, errors);
    const report = await writeMarks(context, tx, row.id, wanted, origin);
    return { rows: file.lines.length, changed: report.changed, unchanged: report.unchanged, empty, changes: report.changes };
  });
}

/** Every wrong row of the file, by row number, in one 422; the detail names the first ones. */
function invalidImport(file: MarkFile, errors: ImportError[]): Problem {
  errors.sort((a, b) => a.row - b.row);
  const rows = new Set(errors.map((error) => error.row)).size;
  const first = errors
    .slice(0, 10)
    .map((error) => `row ${error.row}, ${error.message}`)
    .join('; ');
  const more = errors.length > 10 ? ` (and ${errors.length - 10} more)` : '';
  const listed = errors.length > MAX_LISTED_ERRORS ? ` The first ${MAX_LISTED_ERRORS} are listed.` : '';
  return new Problem(
    422,
    'invalid-import',
    'Business rule violated',
    `The file has ${errors.length} error(s) on ${rows} of its ${file.lines.length} row(s); no mark was imported. Correct them and import the whole file again: ${first}${more}.${listed}`,
    { errors: errors.slice(0, MAX_LISTED_ERRORS) },
  );
}

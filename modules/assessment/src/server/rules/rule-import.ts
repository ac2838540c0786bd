import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { Problem, type FieldError, type ModuleContext, type Origin } from '@pegase/platform';
import { assessmentEvents, type RulesImportReport } from '../../contract/index.ts';
import { assessmentOf } from '../assessments/assessment-store.ts';
import { assertOwnsObject } from '../shared/access.ts';
import { assessments } from '../shared/tables.ts';
import type { Cell, TableRow } from '../spreadsheets/table-file.ts';
import { effectiveRule, normalised } from './effective-rules.ts';
import { formationPaths } from './formation-paths.ts';
import {
  headerColumn,
  parseAbj,
  parseDecimal,
  parseSession2,
  parseYesNo,
  type AssessmentColumn,
  type HeaderColumn,
  type Parsed,
  type RuleKey,
} from './rule-columns.ts';
import { assertRulesOpen, formationOf } from './rule-freeze.ts';
import { ruleValuesOf, sameValues, writeRules, type RuleValues, type RuleWrite } from './rule-store.ts';

/** A sheet error: the row and the column as the spreadsheet shows them, and what to correct. */
interface SheetError extends FieldError {
  row: number;
  column: string;
}

/** At most this many errors listed in the problem (the count is always exact). */
const MAX_LISTED_ERRORS = 500;

type Parser = (cell: Cell) => Parsed<RuleValues[keyof RuleValues]>;
const parsers: Record<Exclude<RuleKey, 'path' | 'label' | 'type'>, Parser> = {
  coefficient: (cell) => parseDecimal(cell, { min: 0, above: true, max: 999_999 }),
  passMark: (cell) => parseDecimal(cell, { max: 20 }),
  credits: (cell) => parseDecimal(cell, { max: 999_999 }),
  compensates: parseYesNo,
  eliminatory: (cell) => parseDecimal(cell, { max: 20 }),
  session2: parseSession2,
  abjPolicy: parseAbj,
};

/**
 * Imports the MCC of a formation for a period from a sheet (rule-columns.ts),
 * all or nothing: every wrong row is reported at once (422 invalid-import,
 * errors[] with row, column and message) and nothing is written. Rules and
 * assessments equal to what the path has are left alone (no new version, no
 * event), so importing the same sheet twice changes nothing the second time.
 * An import never deletes an assessment, and keeps the label of one that
 * exists (the sheet sets coefficients; labels name new ones).
 */
export async function importRules(context: ModuleContext, periodId: string, formationId: string, rows: TableRow[], origin: Origin): Promise<RulesImportReport> {
  return context.transaction(async (tx) => {
    const formation = await formationOf(tx, periodId, formationId);
    await assertOwnsObject(tx, origin.scope, formationId, 'import the MCC of this formation');
    await assertRulesOpen(tx, periodId, formation.code);
    const offer = await formationPaths(tx, origin.scope, periodId, formation.code);
    const byPath = new Map(offer.paths.map((row) => [row.path, row]));

    const errors: SheetError[] = [];
    const fail = (row: number, column: string, message: string) =>
      errors.push({ in: 'body', field: `/rows/${row}/${column}`, row, column, message: `row ${row}, ${column}: ${message}` });

    const [header, ...data] = rows;
    if (header === undefined) throw invalid(formation.code, [], 'The file is empty: it needs a header row (chemin, coefficient, …) and one row per path.');
    const columns: HeaderColumn[] = header.cells.map(headerColumn);
    const seen = new Map<string, number>();
    columns.forEach((column, index) => {
      const key = column.kind === 'rule' ? column.key : column.kind === 'assessment' ? `S${column.assessment.session}:${column.assessment.code}` : undefined;
      if (key === undefined) return;
      if (seen.has(key)) fail(header.line, column.title, `this column appears twice (also column ${seen.get(key)! + 1}): keep one`);
      else seen.set(key, index);
      if (column.kind === 'assessment' && (column.assessment.label?.length ?? 0) > 200)
        fail(header.line, column.title, 'the label of an assessment has at most 200 characters');
    });
    const pathIndex = columns.findIndex((column) => column.kind === 'rule' && column.key === 'path');
    if (pathIndex < 0) fail(header.line, 'chemin', 'the header row has no « chemin » (path) column: each row names its path, as the export writes it');
    const ignored = columns.filter((column) => column.kind === 'unknown' && column.title !== '').map((column) => column.title);

    const writes: RuleWrite[] = [];
    const creates: (typeof assessments.$inferInsert)[] = [];
    const changes: { row: typeof assessments.$inferSelect; coefficient: string }[] = [];
    let unchangedRules = 0;
    let unchangedAssessments = 0;
    const rowOfPath = new Map<string, number>();

    for (const row of pathIndex < 0 ? [] : data) {
      const cell = (index: number): Cell => row.cells[index] ?? null;
      const pathCell = cell(pathIndex);
      const path =
        pathCell === null
          ? ''
          : String(pathCell)
              .replace(/\s*>\s*/g, '>')
              .trim()
              // Codes are upper-case: a path typed in lower case is the same path.
              .toUpperCase();
      const pathTitle = columns[pathIndex]!.title;
      if (path === '') {
        fail(row.line, pathTitle, 'the path is empty: write the path of the row (e.g. ' + `${formation.code}>…), or delete the row`);
        continue;
      }
      const target = byPath.get(path);
      if (target === undefined) {
        fail(
          row.line,
          pathTitle,
          `${path} is not a path of ${formation.code} in the validated offer of this period (paths are codes from the formation down, joined by ">")`,
        );
        continue;
      }
      if (rowOfPath.has(path)) {
        fail(row.line, pathTitle, `${path} is already on row ${rowOfPath.get(path)}: one row per path`);
        continue;
      }
      rowOfPath.set(path, row.line);
      const rowWrites: RuleWrite[] = [];
      const rowCreates: typeof creates = [];
      const rowChanges: typeof changes = [];

      // The rule: each column of the sheet replaces its value (a blank cell: the default); the others keep theirs.
      const stored = offer.stored.get(path);
      const before = effectiveRule(periodId, path, target.object, stored);
      const defaults = ruleValuesOf(effectiveRule(periodId, path, target.object, undefined));
      const values: RuleValues = ruleValuesOf(before);
      let valid = true;
      columns.forEach((column, index) => {
        if (column.kind !== 'rule' || !(column.key in parsers)) return;
        const key = column.key as keyof typeof parsers;
        const value = cell(index);
        if (value === null) {
          (values as Record<string, unknown>)[key] = key === 'eliminatory' ? null : defaults[key];
          return;
        }
        const parsed = parsers[key](value);
        if ('error' in parsed) {
          fail(row.line, column.title, parsed.error);
          valid = false;
        } else (values as Record<string, unknown>)[key] = parsed.value;
      });
      if (valid) {
        if (sameValues(values, ruleValuesOf(before))) unchangedRules++;
        else rowWrites.push({ path, object: target.object, values, before });
      }

      // Its assessments: a coefficient under a `session N : CODE` column.
      columns.forEach((column, index) => {
        if (column.kind !== 'assessment') return;
        const value = cell(index);
        if (value === null) return;
        if (!target.leaf) {
          fail(row.line, column.title, `${path} has children: assessments belong to the course elements at the bottom of the tree (leave this cell empty)`);
          return;
        }
        const parsed = parseDecimal(value, { min: 0, above: true, max: 999_999 });
        if ('error' in parsed) {
          fail(row.line, column.title, `the coefficient of assessment ${column.assessment.code} ${parsed.error}`);
          return;
        }
        const existing = offer.assessments.find(
          (assessment) => assessment.path === path && assessment.session === column.assessment.session && assessment.code === column.assessment.code,
        );
        if (existing === undefined) rowCreates.push(newAssessment(periodId, path, column.assessment, parsed.value));
        else if (normalised(existing.coefficient) === parsed.value) unchangedAssessments++;
        else rowChanges.push({ row: existing, coefficient: parsed.value });
      });
      // A path owned outside the caller's structures may be in the sheet (an export holds the whole formation), unchanged.
      if (!target.inScope && rowWrites.length + rowCreates.length + rowChanges.length > 0) {
        fail(
          row.line,
          pathTitle,
          `${target.object.code} belongs to a structure outside yours: its MCC are set by that structure’s staff (leave the row as exported)`,
        );
        continue;
      }
      writes.push(...rowWrites);
      creates.push(...rowCreates);
      changes.push(...rowChanges);
    }
    if (errors.length > 0) throw invalid(formation.code, errors);

    await writeRules(context, tx, periodId, writes, origin);
    if (creates.length > 0) {
      const created = await tx.insert(assessments).values(creates).returning();
      await context.publishMany(
        tx,
        assessmentEvents.assessmentCreated,
        created.map((row) => ({ data: assessmentOf(row, null), subject: row.id })),
        origin,
      );
    }
    const changed = [];
    for (const change of changes) {
      const [row] = await tx.update(assessments).set({ coefficient: change.coefficient }).where(eq(assessments.id, change.row.id)).returning();
      changed.push({ data: assessmentOf(row!, null), subject: row!.id, before: assessmentOf(change.row, null) });
    }
    if (changed.length > 0) await context.publishMany(tx, assessmentEvents.assessmentChanged, changed, origin);
    return {
      periodId,
      formationId,
      rows: rowOfPath.size,
      rules: { changed: writes.length, unchanged: unchangedRules },
      assessments: { created: creates.length, changed: changes.length, unchanged: unchangedAssessments },
      ignoredColumns: ignored,
    };
  });
}

function newAssessment(periodId: string, path: string, column: AssessmentColumn, coefficient: string): typeof assessments.$inferInsert {
  return { id: randomUUID(), periodId, path, session: column.session, code: column.code, label: column.label ?? column.code, coefficient };
}

function invalid(formationCode: string, errors: SheetError[], detail?: string): Problem {
  errors.sort((a, b) => a.row - b.row);
  const rows = new Set(errors.map((error) => error.row)).size;
  const first = errors
    .slice(0, 5)
    .map((error) => error.message)
    .join('; ');
  const more = errors.length > 5 ? ` (and ${errors.length - 5} more in errors[])` : '';
  return new Problem(
    422,
    'invalid-import',
    'Business rule violated',
    detail ??
      `The MCC sheet of ${formationCode} has ${errors.length} error(s) on ${rows} row(s); nothing was imported. Correct them and import the whole sheet again: ${first}${more}.`,
    { errors: errors.slice(0, MAX_LISTED_ERRORS) },
  );
}

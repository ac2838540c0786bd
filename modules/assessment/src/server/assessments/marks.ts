import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { conflict, ruleProblem, rowsOf, type FieldError, type ModuleContext, type Origin, type Transaction } from '@pegase/platform';
import { assessmentEvents, type MarkChange, type MarksReport, type PutMarks, type Sheet, type SheetLine } from '../../contract/index.ts';
import { parseThousandths } from '../engine/index.ts';
import { normalised } from '../rules/effective-rules.ts';
import { markHistory, marks } from '../shared/tables.ts';
import { assessmentInScope, markText, onSheet } from './assessment-store.ts';

const MAX_MARK = 20_000;

/** The learners on an assessment's sheet with their current marks, sorted by name. */
export async function sheetOf(tx: Transaction, assessmentId: string, origin: Origin): Promise<Sheet> {
  const { row, assessment } = await assessmentInScope(tx, origin.scope, assessmentId, 'read this mark sheet');
  const lines = await rowsOf<{
    enrolment_id: string;
    learner_id: string;
    code: string;
    family_name: string;
    usage_name: string | null;
    given_names: string;
    value: string | null;
    absence: 'ABI' | 'ABJ' | null;
    version: number | null;
  }>(
    tx,
    sql`select c.enrolment_id, l.id as learner_id, l.code, l.family_name, l.usage_name, l.given_names, m.value::text as value, m.absence, m.version
          from assessment.cursus c
          join assessment.learners l on l.id = c.learner_id
          left join assessment.marks m on m.assessment_id = ${row.id} and m.enrolment_id = c.enrolment_id
         where c.enrolment_id in (${onSheet(row.periodId, row.path)})
         order by coalesce(l.usage_name, l.family_name), l.given_names, l.code`,
  );
  return {
    assessment,
    lines: lines.map((line): SheetLine => ({
      enrolmentId: line.enrolment_id,
      learnerId: line.learner_id,
      learnerCode: line.code,
      familyName: line.family_name,
      usageName: line.usage_name,
      givenNames: line.given_names,
      mark: line.value === null && line.absence === null ? null : markText(line),
      version: line.version,
    })),
  };
}

/** A mark as entered → its stored text ("12.500", "ABI", "ABJ", null), or undefined when it is not a mark on 20 with at most 3 decimals. */
function parsedMark(mark: string | null): { text: string | null } | undefined {
  if (mark === null) return { text: null };
  const upper = mark.trim().toUpperCase();
  if (upper === 'ABI' || upper === 'ABJ') return { text: upper };
  const value = parseThousandths(mark);
  if (value === undefined || value > MAX_MARK) return undefined;
  return { text: normalised(mark)! };
}

/**
 * Enters a batch of marks on an assessment's sheet, all or nothing: every
 * row is checked (on the sheet, a mark on 20 with at most 3 decimals or an
 * absence, once in the batch) and nothing is written when one is wrong.
 * Each change is kept in the history and announced.
 */
export async function enterMarks(context: ModuleContext, assessmentId: string, body: PutMarks, origin: Origin): Promise<MarksReport> {
  return context.transaction(async (tx) => {
    const { row, assessment } = await assessmentInScope(tx, origin.scope, assessmentId, 'enter the marks of this sheet', true);
    if (assessment.locked !== null) {
      throw conflict(
        'sheet-locked',
        `The mark sheet of ${assessment.code} (${assessment.path}, session ${assessment.session}) was locked by ${assessment.locked.by} on ${assessment.locked.at}: ask them or a manager to unlock it before changing marks.`,
      );
    }
    const enrolmentIds = body.marks.map((line) => line.enrolmentId);
    const allowed = new Set(
      (
        await rowsOf<{ enrolment_id: string }>(
          tx,
          sql`${onSheet(row.periodId, row.path)} and e.enrolment_id in (${sql.join(
            enrolmentIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`,
        )
      ).map((line) => line.enrolment_id),
    );
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    const wanted: { enrolmentId: string; text: string | null }[] = [];
    body.marks.forEach((line, index) => {
      const field = `/marks/${index}`;
      if (seen.has(line.enrolmentId)) errors.push({ in: 'body', field, message: `enrolment ${line.enrolmentId} is already marked earlier in this batch` });
      seen.add(line.enrolmentId);
      if (!allowed.has(line.enrolmentId)) {
        errors.push({
          in: 'body',
          field,
          message: `enrolment ${line.enrolmentId} is not on this sheet (its cursus does not follow ${row.path}, or is exempted or credited)`,
        });
      }
      const parsed = parsedMark(line.mark);
      if (parsed === undefined)
        errors.push({ in: 'body', field: `${field}/mark`, message: `"${line.mark}" is not a mark from 0 to 20 with at most 3 decimals, nor ABI or ABJ` });
      else wanted.push({ enrolmentId: line.enrolmentId, text: parsed.text });
    });
    if (errors.length > 0) {
      throw ruleProblem(
        'invalid-marks',
        `${errors.length} row(s) of the batch cannot be entered, so no mark was written: correct ${[...new Set(errors.map((error) => error.field.split('/').slice(0, 3).join('/')))].join(', ')} and send the batch again.`,
        errors,
      );
    }
    const current = new Map(
      (
        await tx
          .select()
          .from(marks)
          .where(and(eq(marks.assessmentId, row.id), inArray(marks.enrolmentId, enrolmentIds)))
          .for('update')
      ).map((mark) => [mark.enrolmentId, markText(mark)]),
    );
    const by = origin.actor.login ?? origin.actor.subject;
    const changes: MarkChange[] = [];
    for (const { enrolmentId, text } of wanted) {
      const before = current.get(enrolmentId) ?? null;
      if (before === text) continue;
      if (text === null) {
        await tx.delete(marks).where(and(eq(marks.assessmentId, row.id), eq(marks.enrolmentId, enrolmentId)));
      } else {
        const absence: 'ABI' | 'ABJ' | null = text === 'ABI' || text === 'ABJ' ? text : null;
        const values = {
          value: absence === null ? text : null,
          absence,
          updatedBy: by,
          updatedAt: new Date(),
        };
        await tx
          .insert(marks)
          .values({ assessmentId: row.id, enrolmentId, ...values })
          .onConflictDoUpdate({ target: [marks.assessmentId, marks.enrolmentId], set: { ...values, version: sql`${marks.version} + 1` } });
      }
      changes.push({ assessmentId: row.id, enrolmentId, before, after: text });
    }
    if (changes.length > 0) {
      await tx.insert(markHistory).values(
        changes.map((change) => ({
          assessmentId: row.id,
          enrolmentId: change.enrolmentId,
          oldMark: change.before,
          newMark: change.after,
          changedBy: by,
          requestId: origin.requestId,
        })),
      );
      await context.publish(tx, assessmentEvents.marksChanged, { assessmentId: row.id, changes }, { subject: row.id, origin, before: null });
    }
    return { changed: changes.length, unchanged: wanted.length - changes.length, changes };
  });
}

export async function historyOf(tx: Transaction, assessmentId: string, enrolmentId: string, origin: Origin) {
  await assessmentInScope(tx, origin.scope, assessmentId, 'read the history of this mark');
  const rows = await tx
    .select()
    .from(markHistory)
    .where(and(eq(markHistory.assessmentId, assessmentId), eq(markHistory.enrolmentId, enrolmentId)))
    .orderBy(asc(markHistory.id));
  return rows.map((entry) => ({
    before: entry.oldMark,
    after: entry.newMark,
    by: entry.changedBy,
    at: entry.changedAt.toISOString(),
    requestId: entry.requestId,
  }));
}

import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { conflict, ruleProblem, rowsOf, type FieldError, type ModuleContext, type Origin, type Transaction } from '@pegase/platform';
import { assessmentEvents, type Assessment, type MarkChange, type MarksReport, type PutMarks, type Sheet, type SheetLine } from '../../contract/index.ts';
import { markHistory, marks } from '../shared/tables.ts';
import { markText, onSheet, sheetInReach } from './assessment-store.ts';
import { readMark } from './scale.ts';

/** The learners on an assessment's sheet with their current marks, sorted by name. */
export async function sheetOf(tx: Transaction, assessmentId: string, origin: Origin): Promise<Sheet> {
  const { row, assessment } = await sheetInReach(tx, origin, assessmentId, 'read this mark sheet');
  return { assessment, lines: await sheetLinesOf(tx, row) };
}

/** The lines of an assessment's sheet: its learners by name, with their current marks. */
export async function sheetLinesOf(tx: Transaction, row: { id: string; periodId: string; path: string }): Promise<SheetLine[]> {
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
  return lines.map((line): SheetLine => ({
    enrolmentId: line.enrolment_id,
    learnerId: line.learner_id,
    learnerCode: line.code,
    familyName: line.family_name,
    usageName: line.usage_name,
    givenNames: line.given_names,
    mark: line.value === null && line.absence === null ? null : markText(line),
    version: line.version,
  }));
}

/** A locked sheet refuses marks, whoever sends them and however (409 sheet-locked). */
export function assertUnlocked(assessment: Assessment): void {
  if (assessment.locked === null) return;
  throw conflict(
    'sheet-locked',
    `The mark sheet of ${assessment.code} (${assessment.path}, session ${assessment.session}) was locked by ${assessment.locked.by} on ${assessment.locked.at}: ask them or a manager to unlock it before changing marks.`,
  );
}

/** The enrolments among these that are on the assessment's sheet (registered in its path, neither exempted nor credited). */
export async function enrolmentsOnSheet(tx: Transaction, periodId: string, path: string, enrolmentIds: string[]): Promise<Set<string>> {
  if (enrolmentIds.length === 0) return new Set();
  const rows = await rowsOf<{ enrolment_id: string }>(
    tx,
    sql`${onSheet(periodId, path)} and e.enrolment_id in (${sql.join(
      enrolmentIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
  return new Set(rows.map((line) => line.enrolment_id));
}

/**
 * Writes checked marks (stored text, or null to clear) on a sheet the
 * caller holds locked for update: only those that change, each kept in the
 * history with who and the request, the batch announced by one event. The
 * manual entry and the imports share it, so an unchanged mark leaves no
 * trace and sending the same marks again changes nothing.
 */
export async function writeMarks(
  context: ModuleContext,
  tx: Transaction,
  assessmentId: string,
  wanted: { enrolmentId: string; text: string | null }[],
  origin: Origin,
): Promise<MarksReport> {
  const current = new Map(
    wanted.length === 0
      ? []
      : (
          await tx
            .select()
            .from(marks)
            .where(
              and(
                eq(marks.assessmentId, assessmentId),
                inArray(
                  marks.enrolmentId,
                  wanted.map((line) => line.enrolmentId),
                ),
              ),
            )
            .for('update')
        ).map((mark) => [mark.enrolmentId, markText(mark)]),
  );
  const by = origin.actor.login ?? origin.actor.subject;
  const changes: MarkChange[] = [];
  for (const { enrolmentId, text } of wanted) {
    const before = current.get(enrolmentId) ?? null;
    if (before === text) continue;
    if (text === null) {
      await tx.delete(marks).where(and(eq(marks.assessmentId, assessmentId), eq(marks.enrolmentId, enrolmentId)));
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
        .values({ assessmentId, enrolmentId, ...values })
        .onConflictDoUpdate({ target: [marks.assessmentId, marks.enrolmentId], set: { ...values, version: sql`${marks.version} + 1` } });
    }
    changes.push({ assessmentId, enrolmentId, before, after: text });
  }
  if (changes.length > 0) {
    await tx.insert(markHistory).values(
      changes.map((change) => ({
        assessmentId,
        enrolmentId: change.enrolmentId,
        oldMark: change.before,
        newMark: change.after,
        changedBy: by,
        requestId: origin.requestId,
      })),
    );
    await context.publish(tx, assessmentEvents.marksChanged, { assessmentId, changes }, { subject: assessmentId, origin, before: null });
  }
  return { changed: changes.length, unchanged: wanted.length - changes.length, changes };
}

/**
 * Enters a batch of marks on an assessment's sheet, all or nothing: every
 * row is checked (on the sheet, a mark on the assessment's scale with at
 * most 3 decimals or an absence, once in the batch) and nothing is written
 * when one is wrong. Each change is kept in the history and announced.
 */
export async function enterMarks(context: ModuleContext, assessmentId: string, body: PutMarks, origin: Origin): Promise<MarksReport> {
  return context.transaction(async (tx) => {
    const { row, assessment } = await sheetInReach(tx, origin, assessmentId, 'enter the marks of this sheet', true);
    assertUnlocked(assessment);
    const allowed = await enrolmentsOnSheet(
      tx,
      row.periodId,
      row.path,
      body.marks.map((line) => line.enrolmentId),
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
      const reading = line.mark === null ? ({ ok: true, text: null } as const) : readMark(line.mark, row.scale);
      if (!reading.ok)
        errors.push({ in: 'body', field: `${field}/mark`, message: `${reading.message}: a mark from 0 to ${row.scale} with at most 3 decimals, ABI or ABJ` });
      else wanted.push({ enrolmentId: line.enrolmentId, text: reading.text });
    });
    if (errors.length > 0) {
      throw ruleProblem(
        'invalid-marks',
        `${errors.length} row(s) of the batch cannot be entered, so no mark was written: correct ${[...new Set(errors.map((error) => error.field.split('/').slice(0, 3).join('/')))].join(', ')} and send the batch again.`,
        errors,
      );
    }
    return writeMarks(context, tx, row.id, wanted, origin);
  });
}

export async function historyOf(tx: Transaction, assessmentId: string, enrolmentId: string, origin: Origin) {
  await sheetInReach(tx, origin, assessmentId, 'read the history of this mark');
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

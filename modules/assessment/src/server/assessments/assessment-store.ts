import { and, asc, eq, sql } from 'drizzle-orm';
import { notFound, type Executor, type Origin, type Scope } from '@pegase/platform';
import type { Assessment } from '../../contract/index.ts';
import { normalised } from '../rules/effective-rules.ts';
import { assertMayMark, objectOfPath, pathInScope } from '../shared/access.ts';
import { assessments, sheetLocks } from '../shared/tables.ts';

type AssessmentRow = typeof assessments.$inferSelect;
type LockRow = typeof sheetLocks.$inferSelect;

export function assessmentOf(row: AssessmentRow, lock: LockRow | null | undefined): Assessment {
  return {
    id: row.id,
    periodId: row.periodId,
    path: row.path,
    session: row.session === 2 ? 2 : 1,
    code: row.code,
    label: row.label,
    coefficient: normalised(row.coefficient)!,
    scale: row.scale,
    locked: lock === null || lock === undefined ? null : { at: lock.lockedAt.toISOString(), by: lock.lockedBy },
  };
}

/** An assessment with its lock, in the caller's scope (through its path's object); locked for update when asked, which serialises the changes of its sheet. */
export async function assessmentInScope(tx: Executor, scope: Scope, id: string, what: string, lock = false) {
  const query = tx.select().from(assessments).where(eq(assessments.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (row === undefined) throw notFound('Assessment', id);
  const object = await pathInScope(tx, scope, row.periodId, row.path, what);
  const [locked] = await tx.select().from(sheetLocks).where(eq(sheetLocks.assessmentId, id));
  return { row, object, assessment: assessmentOf(row, locked) };
}

/**
 * An assessment whose marks the caller may read or enter: staff within their
 * structures, a teacher when they teach its object (see assertMayMark);
 * locked for update when asked.
 */
export async function sheetInReach(tx: Executor, origin: Origin, id: string, what: string, lock = false) {
  const query = tx.select().from(assessments).where(eq(assessments.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (row === undefined) throw notFound('Assessment', id);
  const object = await objectOfPath(tx, row.periodId, row.path);
  await assertMayMark(tx, origin, object, what);
  const [locked] = await tx.select().from(sheetLocks).where(eq(sheetLocks.assessmentId, id));
  return { row, object, assessment: assessmentOf(row, locked) };
}

export async function assessmentsOf(tx: Executor, periodId: string, path: string): Promise<Assessment[]> {
  const rows = await tx
    .select({ assessment: assessments, lock: sheetLocks })
    .from(assessments)
    .leftJoin(sheetLocks, eq(sheetLocks.assessmentId, assessments.id))
    .where(and(eq(assessments.periodId, periodId), eq(assessments.path, path)))
    .orderBy(asc(assessments.session), asc(assessments.code));
  return rows.map((row) => assessmentOf(row.assessment, row.lock));
}

/** The text of a stored mark: "12.500", "ABI", "ABJ". */
export const markText = (mark: { value: string | null; absence: 'ABI' | 'ABJ' | null }): string => mark.absence ?? normalised(mark.value!)!;

/** The enrolments whose cursus follows the path (registered, neither exempted nor credited) in the period: those on its sheet. */
export const onSheet = (periodId: string, path: string) => sql`
  select e.enrolment_id from assessment.entries e join assessment.cursus c on c.enrolment_id = e.enrolment_id
   where c.period_id = ${periodId} and e.path = ${path} and e.status = 'registered' and not e.exempted and e.carried_mark is null`;

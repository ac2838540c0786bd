import { and, eq, sql } from 'drizzle-orm';
import { notFound, Problem, type Executor, type Principal, type Scope } from '@pegase/platform';
import { enrolments, learners, points, structures } from './tables.ts';

export type EnrolmentRow = typeof enrolments.$inferSelect;

/**
 * As in enrolment: staff handle the fees and payments of the enrolments at
 * points owned by their structures (or below); admins and integrations all.
 */
export async function assertManagesPoint(db: Executor, scope: Scope, pointId: string | null, what: string): Promise<void> {
  if (scope.global) return;
  if (pointId !== null && scope.structureCodes.length > 0) {
    const [owner] = await db
      .select({ lineage: structures.lineageCodes })
      .from(points)
      .innerJoin(structures, eq(structures.id, points.ownerStructureId))
      .where(eq(points.objectId, pointId));
    if (owner !== undefined && owner.lineage.some((code) => scope.structureCodes.includes(code))) return;
  }
  const yours = scope.structureCodes.length === 0 ? 'no structure' : scope.structureCodes.join(', ');
  throw new Problem(403, 'outside-scope', 'Forbidden', `You may not ${what}: your rights cover the enrolments of ${yours} and the structures below.`);
}

/** An enrolment (as the payment module knows it from enrolment's events) within the caller's scope, or 404/403. */
export async function enrolmentInScope(db: Executor, scope: Scope, id: string, what: string, lock = false): Promise<EnrolmentRow> {
  const query = db.select().from(enrolments).where(eq(enrolments.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (row === undefined) throw notFound('Enrolment', id);
  await assertManagesPoint(db, scope, row.pointId, what);
  return row;
}

/**
 * The signed-in student's enrolment, or 404 (never another learner's, whose
 * existence is not told): one statement, the enrolment and the check that
 * its learner is the signed-in one.
 */
export async function ownEnrolment(db: Executor, principal: Principal | null, id: string, lock = false): Promise<EnrolmentRow> {
  if (!principal?.learnerCode) throw notFound('Enrolment', id);
  const query = db
    .select()
    .from(enrolments)
    .where(
      and(eq(enrolments.id, id), sql`${enrolments.learnerId} in (select ${learners.id} from ${learners} where ${learners.code} = ${principal.learnerCode})`),
    );
  const [row] = lock ? await query.for('update') : await query;
  if (row === undefined) throw notFound('Enrolment', id);
  return row;
}

/** A payment's enrolment within the caller's scope (403 otherwise; an enrolment the module does not know is for global callers only). */
export async function assertManagesEnrolment(db: Executor, scope: Scope, enrolmentId: string, what: string): Promise<void> {
  if (scope.global) return;
  const [row] = await db.select({ pointId: enrolments.pointId }).from(enrolments).where(eq(enrolments.id, enrolmentId));
  await assertManagesPoint(db, scope, row?.pointId ?? null, what);
}

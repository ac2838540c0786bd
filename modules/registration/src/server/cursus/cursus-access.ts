import { and, eq, sql } from 'drizzle-orm';
import { conflict, notFound, Problem, type Executor, type Scope } from '@pegase/platform';
import { cursus, enrolments, learners, objects, structures } from '../shared/tables.ts';

/** Who asks: the student themselves, or staff within their scope. */
export type Requester = { kind: 'self'; learnerCode: string | null } | { kind: 'staff'; scope: Scope };

export type EnrolmentRow = typeof enrolments.$inferSelect;

/** Staff manage the cursus of the enrolments at points their structures (or one above them) own; admins and services all. */
export async function assertManagesPoint(tx: Executor, scope: Scope, pointId: string, what: string): Promise<void> {
  if (scope.global) return;
  if (scope.structureCodes.length > 0) {
    const [owner] = await tx
      .select({ lineage: structures.lineageCodes })
      .from(objects)
      .innerJoin(structures, eq(structures.id, objects.ownerStructureId))
      .where(eq(objects.id, pointId));
    if (owner !== undefined && owner.lineage.some((code) => scope.structureCodes.includes(code))) return;
  }
  const yours = scope.structureCodes.length === 0 ? 'no structure' : scope.structureCodes.join(', ');
  throw new Problem(403, 'outside-scope', 'Forbidden', `You may not ${what}: your rights cover the enrolments of ${yours} and the structures below.`);
}

/**
 * A validated enrolment with its cursus, locked for a change (or read): the student's
 * own (404 for anyone else's, whose existence is not told) or one in the
 * staff member's scope (403).
 */
export async function lockedEnrolment(tx: Executor, enrolmentId: string, requester: Requester, what: string, lock = true): Promise<EnrolmentRow> {
  const own = requester.kind === 'self';
  if (own && requester.learnerCode === null) throw notFound('Enrolment', enrolmentId);
  const query = tx
    .select({ enrolment: enrolments, built: sql<boolean>`exists (select 1 from ${cursus} where ${cursus.enrolmentId} = ${enrolments.id})` })
    .from(enrolments)
    .where(
      and(
        eq(enrolments.id, enrolmentId),
        own ? sql`${enrolments.learnerId} in (select ${learners.id} from ${learners} where ${learners.code} = ${requester.learnerCode})` : undefined,
      ),
    );
  const [row] = lock ? await query.for('update') : await query;
  if (row === undefined) throw notFound('Enrolment', enrolmentId);
  if (requester.kind === 'staff') await assertManagesPoint(tx, requester.scope, row.enrolment.pointId, what);
  if (row.enrolment.status !== 'validated' || !row.built) {
    throw conflict(
      'enrolment-not-validated',
      `Enrolment ${enrolmentId} is ${row.enrolment.status}: a cursus is built, and chosen in, once the enrolment is validated.`,
    );
  }
  return row.enrolment;
}

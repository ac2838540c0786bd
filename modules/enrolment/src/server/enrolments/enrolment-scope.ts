import { eq, sql, type SQL } from 'drizzle-orm';
import { Problem, type Executor, type Scope } from '@pegase/platform';
import { enrolmentPoints, structures } from '../shared/tables.ts';

/** Staff handle the enrolments of the points owned by their structures (or below); admins and integrations all. */
export async function assertManagesPoint(db: Executor, scope: Scope, ownerStructureId: string | null, what: string): Promise<void> {
  if (scope.global) return;
  if (ownerStructureId !== null && scope.structureCodes.length > 0) {
    const [owner] = await db.select({ lineage: structures.lineageCodes }).from(structures).where(eq(structures.id, ownerStructureId));
    if (owner !== undefined && owner.lineage.some((code) => scope.structureCodes.includes(code))) return;
  }
  const yours = scope.structureCodes.length === 0 ? 'no structure' : scope.structureCodes.join(', ');
  throw new Problem(403, 'outside-scope', 'Forbidden', `You may not ${what}: your rights cover the enrolments of ${yours} and the structures below.`);
}

/** The condition that keeps, in a list, the enrolments of points within the scope. */
export function pointsWithin(scope: Scope): SQL | undefined {
  if (scope.global) return undefined;
  const codes = scope.structureCodes.length === 0 ? ['-'] : scope.structureCodes;
  return sql`exists (select 1 from ${enrolmentPoints} p join ${structures} s on s.id = p.owner_structure_id
                      where p.object_id = enrolment.enrolments.point_id and s.lineage_codes && ${sql.param(codes)}::text[])`;
}

import { eq } from 'drizzle-orm';
import { Problem, ruleProblem, type Executor, type Scope } from '@pegase/platform';
import { structures } from '../shared/tables.ts';

/**
 * Staff change the objects owned by the structures they manage (or below
 * them); admins and integrations change all. An object without owner is
 * for a global scope only.
 */
export async function assertOwns(db: Executor, scope: Scope, ownerStructureId: string | null, what: string): Promise<void> {
  if (scope.global) return;
  if (ownerStructureId !== null && scope.structureCodes.length > 0) {
    const [owner] = await db.select({ lineage: structures.lineageCodes }).from(structures).where(eq(structures.id, ownerStructureId));
    if (owner !== undefined && owner.lineage.some((code) => scope.structureCodes.includes(code))) return;
  }
  const yours = scope.structureCodes.length === 0 ? 'no structure' : scope.structureCodes.join(', ');
  throw new Problem(403, 'outside-scope', 'Forbidden', `You may not ${what}: your rights cover the objects owned by ${yours} and the structures below.`);
}

export async function assertStructureExists(db: Executor, id: string | null | undefined): Promise<void> {
  if (id === null || id === undefined) return;
  const [row] = await db.select({ id: structures.id }).from(structures).where(eq(structures.id, id));
  if (row === undefined) {
    throw ruleProblem('unknown-structure', `The owner structure ${id} does not exist in the referential.`, [
      { in: 'body', field: '/ownerStructureId', message: 'does not exist' },
    ]);
  }
}

import { inArray } from 'drizzle-orm';
import { Problem, type Executor, type Scope } from '@pegase/platform';
import { structures } from '../shared/tables.ts';

/**
 * Staff manage the structures they are attached to and everything below
 * them; admins and integrations manage all. `target` is the structure
 * concerned (with its ancestors), or null for the top of the tree, which only
 * a global scope may change.
 */
export async function assertManages(db: Executor, scope: Scope, target: { id: string; ancestorIds: string[] } | null, what: string): Promise<void> {
  if (scope.global) return;
  if (target !== null && scope.structureCodes.length > 0) {
    const managed = await db.select({ id: structures.id }).from(structures).where(inArray(structures.code, scope.structureCodes));
    const lineage = new Set([target.id, ...target.ancestorIds]);
    if (managed.some((row) => lineage.has(row.id))) return;
  }
  const yours = scope.structureCodes.length === 0 ? 'no structure' : scope.structureCodes.join(', ');
  throw new Problem(403, 'outside-scope', 'Forbidden', `You may not ${what}: your rights cover ${yours} and the structures below.`);
}

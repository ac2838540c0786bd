import { and, eq } from 'drizzle-orm';
import { notFound, Problem, type Executor, type Scope } from '@pegase/platform';
import { objects, paths, structures } from './tables.ts';

export type OfferObject = typeof objects.$inferSelect;

function outsideScope(scope: Scope, what: string): Problem {
  const yours = scope.global || scope.structureCodes.length === 0 ? 'no structure' : scope.structureCodes.join(', ');
  return new Problem(403, 'outside-scope', 'Forbidden', `You may not ${what}: your rights cover the objects of ${yours} and the structures below.`);
}

/** Staff and teachers act on the objects their structures (or one above them) own; admins and services on all. */
export async function assertOwnsObject(tx: Executor, scope: Scope, objectId: string, what: string): Promise<void> {
  if (scope.global) return;
  if (scope.structureCodes.length > 0) {
    const [owner] = await tx
      .select({ lineage: structures.lineageCodes })
      .from(objects)
      .innerJoin(structures, eq(structures.id, objects.ownerStructureId))
      .where(eq(objects.id, objectId));
    if (owner !== undefined && owner.lineage.some((code) => scope.structureCodes.includes(code))) return;
  }
  throw outsideScope(scope, what);
}

/** A path of the validated offer with its object, in the caller's scope (404 when the offer has no such path, 403 outside the scope). */
export async function pathInScope(tx: Executor, scope: Scope, periodId: string, path: string, what: string): Promise<OfferObject> {
  const [row] = await tx
    .select({ object: objects })
    .from(paths)
    .innerJoin(objects, eq(objects.id, paths.objectId))
    .where(and(eq(paths.periodId, periodId), eq(paths.path, path)));
  if (row === undefined) throw notFound(`Path of the validated offer of period ${periodId}:`, path);
  await assertOwnsObject(tx, scope, row.object.id, what);
  return row.object;
}

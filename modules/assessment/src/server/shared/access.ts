import { and, eq } from 'drizzle-orm';
import { notFound, Problem, type Actor, type Executor, type Origin, type Scope } from '@pegase/platform';
import { objects, paths, structures, teaching } from './tables.ts';

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

/** The object of a path of the validated offer (404 when the offer has no such path). */
export async function objectOfPath(tx: Executor, periodId: string, path: string): Promise<OfferObject> {
  const [row] = await tx
    .select({ object: objects })
    .from(paths)
    .innerJoin(objects, eq(objects.id, paths.objectId))
    .where(and(eq(paths.periodId, periodId), eq(paths.path, path)));
  if (row === undefined) throw notFound(`Path of the validated offer of period ${periodId}:`, path);
  return row.object;
}

/** A path of the validated offer with its object, in the caller's scope (404 when the offer has no such path, 403 outside the scope). */
export async function pathInScope(tx: Executor, scope: Scope, periodId: string, path: string, what: string): Promise<OfferObject> {
  const object = await objectOfPath(tx, periodId, path);
  await assertOwnsObject(tx, scope, object.id, what);
  return object;
}

/**
 * A teacher and nothing more (no staff, admin or service role): the marks
 * they read and enter are those of the objects they teach, wherever these
 * objects belong. Anyone else marks by structure scope.
 */
export const teachesOnly = (actor: Actor): boolean => actor.roles.includes('teacher') && !actor.roles.some((role) => role !== 'teacher' && role !== 'student');

/** How teaching assignments name a person: their login, lower-case; their subject when the identity provider gives no login. */
export const teacherNameOf = (actor: Actor): string => (actor.login ?? actor.subject).toLowerCase();

/**
 * The marks of an object's sheets: staff (and admins, services) within their
 * structures; a teacher only when they teach the object (403 not-teaching
 * otherwise, which says who assigns them).
 */
export async function assertMayMark(tx: Executor, origin: Origin, object: OfferObject, what: string): Promise<void> {
  if (!teachesOnly(origin.actor)) return assertOwnsObject(tx, origin.scope, object.id, what);
  const name = teacherNameOf(origin.actor);
  const [assigned] = await tx
    .select({ teacher: teaching.teacher })
    .from(teaching)
    .where(and(eq(teaching.objectId, object.id), eq(teaching.teacher, name)));
  if (assigned !== undefined) return;
  throw new Problem(
    403,
    'not-teaching',
    'Forbidden',
    `You may not ${what}: you (${name}) do not teach ${object.code}. The scolarité of the structure that owns ${object.code} assigns its teachers; ask them to add you.`,
  );
}

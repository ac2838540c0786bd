import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { conflict, notFound, ruleProblem, SQLSTATE, sqlState, type ModuleContext, type Transaction, checkVersion, type Origin } from '@pegase/platform';
import { referentialEvents, type CreateStructure, type Structure, type UpdateStructure } from '../../contract/index.ts';
import { labelColumns } from '../shared/labels.ts';
import { structures } from '../shared/tables.ts';
import { toStructure, type StructureRow } from './structure-mapper.ts';
import { findStructureRow } from './structure-queries.ts';
import { assertManages } from './structure-scope.ts';

export async function createStructure(context: ModuleContext, input: CreateStructure, origin: Origin): Promise<Structure> {
  try {
    return await context.transaction(async (tx) => {
      const parent = input.parentId == null ? undefined : await existingParent(tx, input.parentId);
      await assertManages(tx, origin.scope, parent ?? null, parent === undefined ? 'create a top-level structure' : `create a structure under ${parent.code}`);
      const [row] = await tx
        .insert(structures)
        .values({
          id: randomUUID(),
          code: input.code,
          type: input.type,
          ...labelColumns(input.labels),
          parentId: parent?.id ?? null,
          ancestorIds: parent === undefined ? [] : [...parent.ancestorIds, parent.id],
          closedOn: input.closedOn ?? null,
        })
        .returning();
      const structure = toStructure(row!);
      await context.publish(tx, referentialEvents.structureCreated, structure, { subject: structure.id, origin });
      return structure;
    });
  } catch (error) {
    if (sqlState(error) === SQLSTATE.uniqueViolation) {
      throw conflict('duplicate-code', `A structure with the code ${input.code} already exists; choose another code.`, [
        { in: 'body', field: '/code', message: 'is already used' },
      ]);
    }
    throw error;
  }
}

export async function updateStructure(
  context: ModuleContext,
  id: string,
  patch: UpdateStructure,
  expectedVersion: number | undefined,
  origin: Origin,
): Promise<Structure> {
  return context.transaction(async (tx) => {
    const current = await findStructureRow(tx, id, { forUpdate: true });
    if (current === undefined) throw notFound('Structure', id);
    checkVersion(`Structure ${current.code}`, current.version, expectedVersion);
    await assertManages(tx, origin.scope, current, `change ${current.code}`);

    const moving = patch.parentId !== undefined && patch.parentId !== current.parentId;
    const ancestorIds = moving ? await ancestorsForMove(tx, current, patch.parentId ?? null) : current.ancestorIds;
    if (moving) {
      const newParent = patch.parentId == null ? null : { id: patch.parentId, ancestorIds: ancestorIds.slice(0, -1) };
      await assertManages(tx, origin.scope, newParent, newParent === null ? `move ${current.code} to the top` : `move ${current.code} there`);
    }
    const [row] = await tx
      .update(structures)
      .set({
        ...(patch.type === undefined ? {} : { type: patch.type }),
        ...(patch.labels === undefined ? {} : labelColumns(patch.labels)),
        ...(patch.closedOn === undefined ? {} : { closedOn: patch.closedOn }),
        ...(moving ? { parentId: patch.parentId ?? null, ancestorIds } : {}),
        version: sql`${structures.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(structures.id, id))
      .returning();
    const structure = toStructure(row!);
    await context.publish(tx, referentialEvents.structureUpdated, structure, { subject: structure.id, origin, before: toStructure(current) });
    if (moving) await moveSubtree(context, tx, current, ancestorIds, origin);
    return structure;
  });
}

async function existingParent(tx: Transaction, parentId: string): Promise<StructureRow> {
  const parent = await findStructureRow(tx, parentId);
  if (parent === undefined)
    throw ruleProblem('unknown-parent', `The parent structure ${parentId} does not exist.`, [{ in: 'body', field: '/parentId', message: 'does not exist' }]);
  return parent;
}

/** Refuses a move under the structure itself or one of its descendants (a cycle). */
async function ancestorsForMove(tx: Transaction, current: StructureRow, newParentId: string | null): Promise<string[]> {
  if (newParentId === null) return [];
  const parent = await existingParent(tx, newParentId);
  if (parent.id === current.id || parent.ancestorIds.includes(current.id)) {
    throw ruleProblem('structure-cycle', `Structure ${current.code} cannot move under ${parent.code}, which is itself or one of its descendants.`, [
      { in: 'body', field: '/parentId', message: 'would make a cycle' },
    ]);
  }
  return [...parent.ancestorIds, parent.id];
}

/**
 * Rewrites the ancestor list of every descendant in one statement: their path
 * below the moved structure is kept, the part above it is replaced.
 */
async function moveSubtree(context: ModuleContext, tx: Transaction, moved: StructureRow, newAncestors: string[], origin: Origin): Promise<void> {
  const keepFrom = moved.ancestorIds.length + 1; // 1-based position of `moved` in the descendants' arrays
  const newPrefix = sql`array[${sql.join(
    newAncestors.map((id) => sql`${id}`),
    sql`, `,
  )}]::uuid[]`;
  const descendants = await tx
    .update(structures)
    .set({
      ancestorIds: sql`${newPrefix} || ${structures.ancestorIds}[${keepFrom}:]`,
      version: sql`${structures.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(sql`${structures.ancestorIds} @> array[${moved.id}]::uuid[]`)
    .returning();
  for (const row of descendants) {
    const structure = toStructure(row);
    await context.publish(tx, referentialEvents.structureUpdated, structure, { subject: structure.id, origin });
  }
}

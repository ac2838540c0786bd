import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { conflict, notFound, ruleProblem, SQLSTATE, sqlState, type ModuleContext, type Transaction, checkVersion } from '@pegase/platform';
import { referentialEvents, type CreateStructure, type Structure, type UpdateStructure } from '../../contract/index.ts';
import { labelColumns } from '../shared/labels.ts';
import { structures } from '../shared/tables.ts';
import { toStructure, type StructureRow } from './structure-mapper.ts';
import { findStructureRow } from './structure-queries.ts';

export async function createStructure(context: ModuleContext, input: CreateStructure, requestId: string): Promise<Structure> {
  try {
    return await context.transaction(async (tx) => {
      const parent = input.parentId == null ? undefined : await existingParent(tx, input.parentId);
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
      await context.publish(tx, referentialEvents.structureCreated, structure, { subject: structure.id, requestId });
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
  requestId: string,
): Promise<Structure> {
  return context.transaction(async (tx) => {
    const current = await findStructureRow(tx, id, { forUpdate: true });
    if (current === undefined) throw notFound('Structure', id);
    checkVersion(`Structure ${current.code}`, current.version, expectedVersion);

    const moving = patch.parentId !== undefined && patch.parentId !== current.parentId;
    const ancestorIds = moving ? await ancestorsForMove(tx, current, patch.parentId ?? null) : current.ancestorIds;
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
    await context.publish(tx, referentialEvents.structureUpdated, structure, { subject: structure.id, requestId });
    if (moving) await moveSubtree(context, tx, current, ancestorIds, requestId);
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
async function moveSubtree(context: ModuleContext, tx: Transaction, moved: StructureRow, newAncestors: string[], requestId: string): Promise<void> {
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
    await context.publish(tx, referentialEvents.structureUpdated, structure, { subject: structure.id, requestId });
  }
}

import { and, eq, gte, gt, sql, max } from 'drizzle-orm';
import { notFound, ruleProblem, type ModuleContext, type Origin, type Transaction } from '@pegase/platform';
import { curriculumEvents, type Link } from '../../contract/index.ts';
import { findObjectRow } from '../objects/object-queries.ts';
import { assertEditable } from '../objects/object-rules.ts';
import { assertOwns } from '../objects/object-scope.ts';
import { lockPeriodGraph } from '../shared/period-lock.ts';
import { links } from '../shared/tables.ts';
import { assertNoCycle } from './cycle.ts';

async function endsOf(tx: Transaction, parentId: string, childId: string) {
  const parent = await findObjectRow(tx, parentId);
  const child = await findObjectRow(tx, childId);
  if (parent === undefined) throw notFound('Training object', parentId);
  if (child === undefined) throw notFound('Training object', childId);
  if (parent.periodId !== child.periodId) {
    throw ruleProblem('other-period', `${child.code} belongs to another period than ${parent.code}: link objects of one period's offer.`);
  }
  return { parent, child };
}

/**
 * Places `childId` under `parentId` at `position` (last when absent), or
 * moves it there if it is already a child. Repeating the same call changes
 * nothing. A formation is always a root; a cycle is refused.
 */
export async function linkChild(
  context: ModuleContext,
  tx: Transaction,
  parentId: string,
  childId: string,
  position: number | undefined,
  origin: Origin,
): Promise<Link> {
  const { parent, child } = await endsOf(tx, parentId, childId);
  await lockPeriodGraph(tx, parent.periodId);
  assertEditable(parent, false);
  await assertOwns(tx, origin.scope, parent.ownerStructureId, `change the content of ${parent.code}`);
  if (child.type === 'formation') throw ruleProblem('formation-is-root', `${child.code} is a formation: a formation is never placed under another object.`);
  if (child.status === 'archived') throw ruleProblem('archived', `${child.code} is archived and cannot be placed anywhere.`);

  const [existing] = await tx
    .select()
    .from(links)
    .where(and(eq(links.parentId, parentId), eq(links.childId, childId)));
  const [{ last } = { last: null }] = await tx
    .select({ last: max(links.position) })
    .from(links)
    .where(eq(links.parentId, parentId));
  const end = last === null ? 0 : last + (existing === undefined ? 1 : 0);
  const target = Math.min(position ?? end, end);
  if (existing !== undefined && existing.position === target) return existing;
  if (existing === undefined) await assertNoCycle(tx, parent, child);

  if (existing !== undefined) {
    // Close the gap it leaves, then open one where it goes.
    await tx
      .update(links)
      .set({ position: sql`${links.position} - 1` })
      .where(and(eq(links.parentId, parentId), gt(links.position, existing.position)));
    await tx.delete(links).where(and(eq(links.parentId, parentId), eq(links.childId, childId)));
  }
  await tx
    .update(links)
    .set({ position: sql`${links.position} + 1` })
    .where(and(eq(links.parentId, parentId), gte(links.position, target)));
  await tx.insert(links).values({ parentId, childId, position: target });
  const link = { parentId, childId, position: target };
  await context.publish(
    tx,
    curriculumEvents.objectLinked,
    { ...link, periodId: parent.periodId },
    {
      subject: childId,
      origin,
      ...(existing === undefined ? {} : { before: { ...existing, periodId: parent.periodId } }),
    },
  );
  return link;
}

export async function unlinkChild(context: ModuleContext, parentId: string, childId: string, origin: Origin): Promise<void> {
  await context.transaction(async (tx) => {
    const { parent } = await endsOf(tx, parentId, childId);
    await lockPeriodGraph(tx, parent.periodId);
    assertEditable(parent, false);
    await assertOwns(tx, origin.scope, parent.ownerStructureId, `change the content of ${parent.code}`);
    const [removed] = await tx
      .delete(links)
      .where(and(eq(links.parentId, parentId), eq(links.childId, childId)))
      .returning();
    if (removed === undefined) return;
    await tx
      .update(links)
      .set({ position: sql`${links.position} - 1` })
      .where(and(eq(links.parentId, parentId), gt(links.position, removed.position)));
    await context.publish(
      tx,
      curriculumEvents.objectUnlinked,
      { ...removed, periodId: parent.periodId },
      { subject: childId, origin, before: { ...removed, periodId: parent.periodId } },
    );
  });
}

import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { conflict, notFound, ruleProblem, type ModuleContext, type Origin, type Scope, type Transaction } from '@pegase/platform';
import { registrationEvents, type CreateGroup, type Group, type Placement, type SplitReport, type UpdateGroup } from '../../contract/index.ts';
import { assertManagesPoint } from '../cursus/cursus-access.ts';
import { entries, enrolments, groupMembers, groups, learners, objects } from '../shared/tables.ts';
import { splitEvenly } from './balanced-split.ts';
import { groupsOf } from './group-queries.ts';

/** The object (of the validated offer) within the caller's scope, or 404/403. */
export async function objectInScope(tx: Transaction, scope: Scope, objectId: string, what: string) {
  const [object] = await tx.select().from(objects).where(eq(objects.id, objectId));
  if (object === undefined) throw notFound('Object of the validated offer', objectId);
  await assertManagesPoint(tx, scope, objectId, what);
  return object;
}

async function announceGroups(context: ModuleContext, tx: Transaction, groupIds: string[], origin: Origin): Promise<Group[]> {
  const changed = await groupsOf(tx, { ids: groupIds });
  for (const group of changed) await context.publish(tx, registrationEvents.groupChanged, group, { subject: group.id, origin, before: null });
  return changed;
}

export async function createGroup(context: ModuleContext, objectId: string, body: CreateGroup, origin: Origin): Promise<Group> {
  return context.transaction(async (tx) => {
    await objectInScope(tx, origin.scope, objectId, 'create groups of this object');
    const id = randomUUID();
    const created = await tx
      .insert(groups)
      .values({ id, objectId, kind: body.kind, code: body.code, capacity: body.capacity ?? null })
      .onConflictDoNothing()
      .returning();
    if (created.length === 0) throw conflict('duplicate-code', `The object already has a group ${body.code}.`);
    return (await announceGroups(context, tx, [id], origin))[0]!;
  });
}

/** A group, locked: placements in it are serialised, and its capacity checked against its members. */
async function lockedGroup(tx: Transaction, groupId: string) {
  const [group] = await tx.select().from(groups).where(eq(groups.id, groupId)).for('update');
  if (group === undefined) throw notFound('Group', groupId);
  return group;
}

/**
 * Places a learner following the object (a registered entry of its cursus
 * on one of the object's paths) in a group, within its capacity; from
 * another group of the same kind, they move.
 */
export async function placeMember(context: ModuleContext, groupId: string, placement: Placement, origin: Origin): Promise<Group> {
  return context.transaction(async (tx) => {
    const group = await lockedGroup(tx, groupId);
    await assertManagesPoint(tx, origin.scope, group.objectId, 'place learners in this group');
    const [entry] = await tx
      .select({ status: entries.status, objectId: entries.objectId })
      .from(entries)
      .where(and(eq(entries.enrolmentId, placement.enrolmentId), eq(entries.path, placement.path)));
    if (entry === undefined || entry.objectId !== group.objectId || entry.status !== 'registered') {
      throw ruleProblem(
        'not-following',
        `This learner does not follow ${placement.path} in the object of group ${group.code}: only registered learners are placed.`,
        [{ in: 'body', field: '/path', message: 'not a registered entry of this object' }],
      );
    }
    const [{ members } = { members: 0 }] = await tx
      .select({ members: sql<number>`count(*)`.mapWith(Number) })
      .from(groupMembers)
      .where(eq(groupMembers.groupId, groupId));
    if (group.capacity !== null && members >= group.capacity) throw conflict('group-full', `Group ${group.code} is full (${group.capacity} places).`);
    const left = await tx
      .delete(groupMembers)
      .where(
        and(
          eq(groupMembers.objectId, group.objectId),
          eq(groupMembers.kind, group.kind),
          eq(groupMembers.enrolmentId, placement.enrolmentId),
          eq(groupMembers.path, placement.path),
        ),
      )
      .returning({ groupId: groupMembers.groupId });
    await tx.insert(groupMembers).values({ groupId, objectId: group.objectId, kind: group.kind, enrolmentId: placement.enrolmentId, path: placement.path });
    const changed = await announceGroups(context, tx, [groupId, ...left.map((row) => row.groupId).filter((id) => id !== groupId)], origin);
    return changed.find((row) => row.id === groupId)!;
  });
}

export async function removeMember(context: ModuleContext, groupId: string, placement: Placement, origin: Origin): Promise<Group> {
  return context.transaction(async (tx) => {
    const group = await lockedGroup(tx, groupId);
    await assertManagesPoint(tx, origin.scope, group.objectId, 'take learners out of this group');
    const gone = await tx
      .delete(groupMembers)
      .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.enrolmentId, placement.enrolmentId), eq(groupMembers.path, placement.path)))
      .returning();
    if (gone.length === 0) throw notFound('Member of the group', `${placement.enrolmentId} (${placement.path})`);
    return (await announceGroups(context, tx, [groupId], origin))[0]!;
  });
}

/**
 * Places every learner following the object without a group of this kind
 * (exempted and credited ones aside), in alphabetical order, into the groups
 * of the kind: the emptiest group with room first. The groups are locked in
 * one order, so that two splits do not cross.
 */
export async function splitIntoGroups(context: ModuleContext, objectId: string, kind: string, origin: Origin): Promise<SplitReport> {
  return context.transaction(async (tx) => {
    await objectInScope(tx, origin.scope, objectId, 'split the learners of this object into groups');
    const locked = await tx
      .select()
      .from(groups)
      .where(and(eq(groups.objectId, objectId), eq(groups.kind, kind)))
      .orderBy(asc(groups.id))
      .for('update');
    if (locked.length === 0)
      throw ruleProblem('no-groups', `The object has no group of kind ${kind}: create them first.`, [
        { in: 'body', field: '/kind', message: 'no group of this kind' },
      ]);
    const counts = await tx
      .select({ groupId: groupMembers.groupId, members: sql<number>`count(*)`.mapWith(Number) })
      .from(groupMembers)
      .where(
        inArray(
          groupMembers.groupId,
          locked.map((group) => group.id),
        ),
      )
      .groupBy(groupMembers.groupId);
    const membersOf = new Map(counts.map((row) => [row.groupId, row.members]));
    const waiting = await tx
      .select({ enrolmentId: entries.enrolmentId, path: entries.path })
      .from(entries)
      .innerJoin(enrolments, eq(enrolments.id, entries.enrolmentId))
      .innerJoin(learners, eq(learners.id, enrolments.learnerId))
      .where(
        and(
          eq(entries.objectId, objectId),
          eq(entries.status, 'registered'),
          sql`${entries.exemptionReason} is null and ${entries.carriedMark} is null`,
          sql`not exists (select 1 from ${groupMembers} m where m.object_id = ${objectId} and m.kind = ${kind}
                                                         and m.enrolment_id = ${entries.enrolmentId} and m.path = ${entries.path})`,
        ),
      )
      .orderBy(asc(learners.familyName), asc(learners.givenNames), asc(learners.code), asc(entries.path));
    const assignment = splitEvenly(
      locked.map((group) => ({ code: group.code, capacity: group.capacity, members: membersOf.get(group.id) ?? 0 })),
      waiting.length,
    );
    const rows = waiting.flatMap((member, index) => {
      const group = assignment[index] === undefined ? undefined : locked[assignment[index]!]!;
      return group === undefined ? [] : [{ groupId: group.id, objectId, kind, enrolmentId: member.enrolmentId, path: member.path }];
    });
    if (rows.length > 0) await tx.insert(groupMembers).values(rows);
    const changed = await announceGroups(
      context,
      tx,
      locked.map((group) => group.id),
      origin,
    );
    return { placed: rows.length, unplaced: waiting.length - rows.length, groups: changed.sort((a, b) => a.code.localeCompare(b.code)) };
  });
}

const memberCount = async (tx: Transaction, groupId: string) =>
  (
    await tx
      .select({ members: sql<number>`count(*)`.mapWith(Number) })
      .from(groupMembers)
      .where(eq(groupMembers.groupId, groupId))
  )[0]?.members ?? 0;

/** A new code (unique in the object) or capacity (never below the members already placed). */
export async function updateGroup(context: ModuleContext, groupId: string, change: UpdateGroup, origin: Origin): Promise<Group> {
  return context.transaction(async (tx) => {
    const group = await lockedGroup(tx, groupId);
    await assertManagesPoint(tx, origin.scope, group.objectId, 'change this group');
    if (change.capacity !== undefined && change.capacity !== null) {
      const members = await memberCount(tx, groupId);
      if (members > change.capacity) {
        throw conflict('group-too-small', `Group ${group.code} has ${members} members: take some out before giving it ${change.capacity} places.`);
      }
    }
    if (change.code !== undefined && change.code !== group.code) {
      const [taken] = await tx
        .select({ id: groups.id })
        .from(groups)
        .where(and(eq(groups.objectId, group.objectId), eq(groups.code, change.code)));
      if (taken !== undefined) throw conflict('duplicate-code', `The object already has a group ${change.code}.`);
    }
    await tx
      .update(groups)
      .set({ ...(change.code === undefined ? {} : { code: change.code }), ...(change.capacity === undefined ? {} : { capacity: change.capacity }) })
      .where(eq(groups.id, groupId));
    return (await announceGroups(context, tx, [groupId], origin))[0]!;
  });
}

export async function deleteGroup(context: ModuleContext, groupId: string, origin: Origin): Promise<void> {
  await context.transaction(async (tx) => {
    const group = await lockedGroup(tx, groupId);
    await assertManagesPoint(tx, origin.scope, group.objectId, 'delete this group');
    const [before] = await groupsOf(tx, { ids: [groupId] });
    await tx.delete(groups).where(eq(groups.id, groupId));
    await context.publish(tx, registrationEvents.groupDeleted, before!, { subject: groupId, origin, before: null });
  });
}

import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '@pegase/platform';
import type { ClassList, ClassMember, Group } from '../../contract/index.ts';
import { enrolments, entries, groupMembers, groups, learners, objects } from '../shared/tables.ts';

/** Groups with their member counts: those of an object, or those named. */
export async function groupsOf(db: Executor, which: { objectId?: string; ids?: string[] }): Promise<Group[]> {
  const rows = await db
    .select({ group: groups, members: sql<number>`(select count(*) from ${groupMembers} m where m.group_id = ${groups.id})`.mapWith(Number) })
    .from(groups)
    .where(which.ids !== undefined ? inArray(groups.id, which.ids) : eq(groups.objectId, which.objectId!))
    .orderBy(asc(groups.kind), asc(groups.code));
  return rows.map(({ group, members }) => ({
    id: group.id,
    objectId: group.objectId,
    kind: group.kind,
    code: group.code,
    capacity: group.capacity,
    members,
    createdAt: group.createdAt.toISOString(),
  }));
}

/**
 * Who follows an object (registered entries of validated enrolments, in
 * each of its paths), with their groups: the whole list, one group's or one
 * path's. Exempted learners are listed, and said so.
 */
export async function classList(db: Executor, objectId: string, filter: { groupId?: string; path?: string }): Promise<ClassList | undefined> {
  const [object] = await db.select({ id: objects.id, code: objects.code }).from(objects).where(eq(objects.id, objectId));
  if (object === undefined) return undefined;
  const rows = await db
    .select({
      enrolmentId: entries.enrolmentId,
      learnerCode: learners.code,
      familyName: learners.familyName,
      usageName: learners.usageName,
      givenNames: learners.givenNames,
      path: entries.path,
      status: entries.status,
      exempted: sql<boolean>`${entries.exemptionReason} is not null`,
      carriedOver: sql<boolean>`${entries.carriedMark} is not null`,
      groups: sql<string[]>`coalesce((select array_agg(g.code order by g.kind, g.code) from ${groupMembers} m join ${groups} g on g.id = m.group_id
                                      where m.enrolment_id = ${entries.enrolmentId} and m.path = ${entries.path}), '{}')`,
    })
    .from(entries)
    .innerJoin(enrolments, eq(enrolments.id, entries.enrolmentId))
    .innerJoin(learners, eq(learners.id, enrolments.learnerId))
    .where(
      and(
        eq(entries.objectId, objectId),
        eq(entries.status, 'registered'),
        eq(enrolments.status, 'validated'),
        filter.path === undefined ? undefined : eq(entries.path, filter.path),
        filter.groupId === undefined
          ? undefined
          : sql`exists (select 1 from ${groupMembers} m where m.group_id = ${filter.groupId} and m.enrolment_id = ${entries.enrolmentId} and m.path = ${entries.path})`,
      ),
    )
    .orderBy(asc(learners.familyName), asc(learners.givenNames), asc(learners.code), asc(entries.path));
  return {
    objectId,
    code: object.code,
    members: rows.map((row): ClassMember => ({ ...row, exempted: Boolean(row.exempted), carriedOver: Boolean(row.carriedOver), groups: row.groups ?? [] })),
  };
}

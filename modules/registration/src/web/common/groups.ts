import type { ClassMember, Group, OfferTree } from '../registration-api.ts';

/** The types of the objects a class list is read for: the courses (UE and EC). */
export const COURSE_TYPES: readonly string[] = ['ue', 'ec'];

/** A course of a formation's tree: the object once, with its paths in that tree. */
export interface CourseOfTree {
  object: OfferTree['objects'][number];
  paths: string[];
}

/** The UE and EC of a formation's tree, in reading order, each object once (a shared course has several paths). */
export function coursesOf(tree: OfferTree): CourseOfTree[] {
  const objects = new Map(tree.objects.map((object) => [object.id, object]));
  const courses = new Map<string, CourseOfTree>();
  for (const node of tree.nodes) {
    const object = objects.get(node.objectId);
    if (object === undefined || !COURSE_TYPES.includes(object.type)) continue;
    const known = courses.get(object.id);
    if (known) known.paths.push(node.path);
    else courses.set(object.id, { object, paths: [node.path] });
  }
  return [...courses.values()];
}

/** The kinds of groups (TD, TP…) of an object, in order. */
export function kindsOf(groups: readonly Pick<Group, 'kind'>[]): string[] {
  return [...new Set(groups.map((group) => group.kind))].sort();
}

/** The group of a kind a learner is in (the class list names groups by code, unique within the object). */
export function groupOfKind<G extends Pick<Group, 'kind' | 'code'>>(member: Pick<ClassMember, 'groups'>, groups: readonly G[], kind: string): G | undefined {
  return groups.find((group) => group.kind === kind && member.groups.includes(group.code));
}

export function isFull(group: Pick<Group, 'capacity' | 'members'>): boolean {
  return group.capacity !== null && group.members >= group.capacity;
}

/** One line of a class list: a learner on one path of the object. */
export function memberKey(member: Pick<ClassMember, 'enrolmentId' | 'path'>): string {
  return `${member.enrolmentId}|${member.path}`;
}

export type MemberSort = 'name' | 'code' | 'group';

const compareText = (a: string, b: string) => a.localeCompare(b, 'fr', { sensitivity: 'base', numeric: true });
const byName = (a: ClassMember, b: ClassMember) =>
  compareText(a.familyName, b.familyName) ||
  compareText(a.givenNames, b.givenNames) ||
  compareText(a.learnerCode, b.learnerCode) ||
  compareText(a.path, b.path);

/**
 * A class list sorted as asked (`name`, `code`, `group`; `-` first for
 * descending): by group, the learners without one come last, then by name.
 */
export function sortMembers(members: readonly ClassMember[], sort: string | undefined): ClassMember[] {
  const descending = sort?.startsWith('-') ?? false;
  const column = (sort?.replace(/^-/, '') ?? 'name') as MemberSort;
  const compare = (a: ClassMember, b: ClassMember): number => {
    if (column === 'code') return compareText(a.learnerCode, b.learnerCode) || compareText(a.path, b.path);
    if (column === 'group') {
      if (a.groups.length === 0 && b.groups.length === 0) return byName(a, b);
      if (a.groups.length === 0 || b.groups.length === 0) return a.groups.length === 0 ? 1 : -1;
      return compareText(a.groups.join(' '), b.groups.join(' ')) || byName(a, b);
    }
    return byName(a, b);
  };
  return [...members].sort((a, b) => (descending ? compare(b, a) : compare(a, b)));
}

/** One page of rows already read whole, the cursor being the offset of the next page. */
export function pageOf<Row>(rows: readonly Row[], request: { limit: number; cursor?: string }): { items: Row[]; nextCursor: string | null } {
  const start = Number(request.cursor ?? 0) || 0;
  const end = start + request.limit;
  return { items: rows.slice(start, end), nextCursor: end < rows.length ? String(end) : null };
}

/** What a new group's form checks before sending (the API checks it again). */
export const GROUP_KIND = /^[A-Z][A-Z0-9]{0,9}$/;
export const GROUP_CODE = /^[A-Z0-9][A-Z0-9-]{0,39}$/;

/** A capacity typed: empty is no limit (null); otherwise a whole number from 1 to 10 000, or undefined when it is not one. */
export function parseCapacity(input: string): number | null | undefined {
  const text = input.trim();
  if (text === '') return null;
  if (!/^\d+$/.test(text)) return undefined;
  const value = Number(text);
  return value >= 1 && value <= 10_000 ? value : undefined;
}

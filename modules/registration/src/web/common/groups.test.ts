import { describe, expect, it } from 'vitest';
import type { ClassMember, Group, OfferTree } from '../registration-api.ts';
import { coursesOf, groupOfKind, isFull, kindsOf, memberKey, pageOf, parseCapacity, sortMembers } from './groups.ts';
import { formatMark, isAcquiredIn, parseMark } from './marks.ts';

const member = (familyName: string, givenNames: string, learnerCode: string, groups: string[] = []): ClassMember => ({
  enrolmentId: `e-${learnerCode}`,
  learnerCode,
  familyName,
  usageName: null,
  givenNames,
  path: 'F>L1>ALGO',
  carriedOver: false,
  status: 'registered',
  exempted: false,
  groups,
});

const group = (kind: string, code: string, capacity: number | null, members: number): Group => ({
  id: `g-${code}`,
  objectId: 'o',
  kind,
  code,
  capacity,
  members,
  createdAt: '2026-09-01T00:00:00Z',
});

describe('marks and years of a credit carried over', () => {
  it('take a mark typed with a comma or a dot, as the API’s exact decimal', () => {
    expect(parseMark('14,5')).toBe('14.5');
    expect(parseMark(' 14.25 ')).toBe('14.25');
    expect(parseMark('20')).toBe('20');
    expect(parseMark('20,000')).toBe('20.000');
    expect(parseMark('0')).toBe('0');
    expect(parseMark('08,5')).toBe('8.5');
    expect(parseMark('12,3456')).toBeUndefined();
    expect(parseMark('20,5')).toBeUndefined();
    expect(parseMark('21')).toBeUndefined();
    expect(parseMark('-1')).toBeUndefined();
    expect(parseMark('quatorze')).toBeUndefined();
    expect(parseMark('')).toBeUndefined();
    expect(parseMark('14,5,5')).toBeUndefined();
  });

  it('show a mark in the person’s language, never through a float', () => {
    expect(formatMark('14.5', 'fr')).toBe('14,5');
    expect(formatMark('14.500', 'fr')).toBe('14,5');
    expect(formatMark('14.5', 'en')).toBe('14.5');
    expect(formatMark('20.0', 'fr')).toBe('20');
    expect(formatMark('10', 'fr')).toBe('10');
    expect(formatMark('0.125', 'fr')).toBe('0,125');
  });

  it('check the year of acquisition as the API does', () => {
    expect(isAcquiredIn('2025-2026')).toBe(true);
    expect(isAcquiredIn(' 25 ')).toBe(false);
    expect(isAcquiredIn('x'.repeat(41))).toBe(false);
  });
});

describe('teaching groups and class lists, as the page reads them', () => {
  it('list the courses of a formation’s tree once each, in reading order', () => {
    const object = (id: string, code: string, type: string) => ({ id, code, type }) as OfferTree['objects'][number];
    const tree = {
      root: 'f',
      objects: [object('f', 'F', 'formation'), object('y', 'L1', 'year'), object('u', 'UE1', 'ue'), object('a', 'ALGO', 'ec'), object('g', 'OPT', 'grouping')],
      nodes: [
        { path: 'F', objectId: 'f', parentPath: null, position: 0, depth: 0 },
        { path: 'F>L1', objectId: 'y', parentPath: 'F', position: 0, depth: 1 },
        { path: 'F>L1>UE1', objectId: 'u', parentPath: 'F>L1', position: 0, depth: 2 },
        { path: 'F>L1>UE1>ALGO', objectId: 'a', parentPath: 'F>L1>UE1', position: 0, depth: 3 },
        { path: 'F>L1>OPT', objectId: 'g', parentPath: 'F>L1', position: 1, depth: 2 },
        { path: 'F>L1>OPT>ALGO', objectId: 'a', parentPath: 'F>L1>OPT', position: 0, depth: 3 },
      ],
    } as OfferTree;
    const courses = coursesOf(tree);
    expect(courses.map((course) => course.object.code)).toEqual(['UE1', 'ALGO']);
    expect(courses[1]!.paths).toEqual(['F>L1>UE1>ALGO', 'F>L1>OPT>ALGO']);
  });

  it('find a learner’s group of a kind, and say when a group is full', () => {
    const groups = [group('TD', 'TD1', 2, 2), group('TD', 'TD2', 2, 1), group('TP', 'TP1', null, 9)];
    expect(kindsOf(groups)).toEqual(['TD', 'TP']);
    expect(groupOfKind(member('A', 'a', '1', ['TD2', 'TP1']), groups, 'TD')?.code).toBe('TD2');
    expect(groupOfKind(member('A', 'a', '1', ['TP1']), groups, 'TD')).toBeUndefined();
    expect(isFull(groups[0]!)).toBe(true);
    expect(isFull(groups[1]!)).toBe(false);
    expect(isFull(groups[2]!)).toBe(false);
  });

  it('sort a class list by name, code or group, either way, the learners without a group last', () => {
    const members = [member('Martin', 'Léa', 'P3', ['TD2']), member('Durand', 'Yves', 'P1'), member('Émile', 'Zoé', 'P2', ['TD1'])];
    const codes = (sort?: string) => sortMembers(members, sort).map((item) => item.learnerCode);
    expect(codes()).toEqual(['P1', 'P2', 'P3']);
    expect(codes('-name')).toEqual(['P3', 'P2', 'P1']);
    expect(codes('code')).toEqual(['P1', 'P2', 'P3']);
    expect(codes('group')).toEqual(['P2', 'P3', 'P1']);
    expect(codes('-group')).toEqual(['P1', 'P3', 'P2']);
    expect(memberKey(members[0]!)).toBe('e-P3|F>L1>ALGO');
  });

  it('page rows read whole, the cursor being an offset', () => {
    const rows = [1, 2, 3, 4, 5];
    expect(pageOf(rows, { limit: 2 })).toEqual({ items: [1, 2], nextCursor: '2' });
    expect(pageOf(rows, { limit: 2, cursor: '4' })).toEqual({ items: [5], nextCursor: null });
  });

  it('read a capacity: empty is no limit', () => {
    expect(parseCapacity('')).toBeNull();
    expect(parseCapacity(' 30 ')).toBe(30);
    expect(parseCapacity('0')).toBeUndefined();
    expect(parseCapacity('2,5')).toBeUndefined();
    expect(parseCapacity('10001')).toBeUndefined();
  });
});

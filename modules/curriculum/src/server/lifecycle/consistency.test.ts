import { describe, expect, it } from 'vitest';
import type { FormationTree, TrainingObject } from '../../contract/index.ts';
import { checkConsistency } from './consistency.ts';

let next = 0;
function object(code: string, type: string, extra: Partial<TrainingObject> = {}): TrainingObject {
  next += 1;
  return {
    id: `00000000-0000-4000-8000-${String(next).padStart(12, '0')}`,
    periodId: '00000000-0000-4000-8000-999999999999',
    code,
    type,
    labels: { fr: code },
    ects: null,
    hours: {},
    capacity: null,
    openForChoice: false,
    enrolmentPoint: false,
    ownerStructureId: '00000000-0000-4000-8000-aaaaaaaaaaaa',
    choice: null,
    status: 'draft',
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}

/** A tree from (parent code, child code) pairs, under the first object. */
function tree(objects: TrainingObject[], edges: [string, string][]): FormationTree {
  const byCode = new Map(objects.map((o) => [o.code, o]));
  const root = objects[0]!;
  const nodes: FormationTree['nodes'] = [];
  const visit = (code: string, parentPath: string | null, position: number, depth: number) => {
    const path = parentPath === null ? code : `${parentPath}>${code}`;
    nodes.push({ path, objectId: byCode.get(code)!.id, parentPath, position, depth });
    edges.filter(([parent]) => parent === code).forEach(([, child], index) => visit(child, path, index, depth + 1));
  };
  visit(root.code, null, 0, 0);
  return { root: root.id, objects, nodes };
}

const groupings = new Set(['grouping']);
const kinds = (report: ReturnType<typeof checkConsistency>) => report.findings.map((f) => `${f.severity}:${f.kind}:${f.path}`).sort();

describe('the consistency report of a formation', () => {
  it('finds nothing in a sound formation, with a shared EC and a grouping of options', () => {
    const objects = [
      object('LIC', 'formation'),
      object('S1', 'semester', { ects: 30 }),
      object('UE1', 'ue', { ects: 24 }),
      object('EC-SHARED', 'ec', { ects: 24 }),
      object('OPT', 'grouping', { choice: { min: 1, max: 1 } }),
      object('ESP', 'ec', { ects: 6 }),
      object('ALL', 'ec', { ects: 6 }),
    ];
    const report = checkConsistency(
      tree(objects, [
        ['LIC', 'S1'],
        ['S1', 'UE1'],
        ['S1', 'OPT'],
        ['UE1', 'EC-SHARED'],
        ['OPT', 'ESP'],
        ['OPT', 'ALL'],
      ]),
      groupings,
    );
    expect(report).toMatchObject({ errors: 0, warnings: 0, objects: 7 });
  });

  it('reports empty groupings, missing and unsatisfiable ranges, credits that do not add up and missing owners', () => {
    const objects = [
      object('LIC', 'formation', { ownerStructureId: null }),
      object('S1', 'semester', { ects: 30 }),
      object('UE1', 'ue', { ects: 12, ownerStructureId: null }),
      object('EMPTY', 'grouping', { choice: { min: 1, max: 1 } }),
      object('NORANGE', 'grouping'),
      object('TOOMANY', 'grouping', { choice: { min: 2, max: 3 } }),
      object('A', 'ec', { ects: 3 }),
      object('B', 'ec', { ects: 3 }),
    ];
    const report = checkConsistency(
      tree(objects, [
        ['LIC', 'S1'],
        ['S1', 'UE1'],
        ['LIC', 'EMPTY'],
        ['LIC', 'NORANGE'],
        ['NORANGE', 'A'],
        ['LIC', 'TOOMANY'],
        ['TOOMANY', 'A'],
        ['TOOMANY', 'B'],
      ]),
      groupings,
    );
    expect(kinds(report)).toEqual([
      'error:empty-grouping:LIC>EMPTY',
      'error:missing-range:LIC>NORANGE',
      'error:no-owner:LIC',
      'error:unsatisfiable-range:LIC>TOOMANY',
      'warning:credits-mismatch:LIC>S1',
      'warning:no-owner:LIC>S1>UE1',
    ]);
    expect(report.errors).toBe(4);
    expect(report.findings.find((f) => f.kind === 'credits-mismatch')!.message).toBe('S1 carries 30 ECTS but its children add up to 12.');
  });
});

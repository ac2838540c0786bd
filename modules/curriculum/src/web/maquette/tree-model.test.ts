import { describe, expect, it } from 'vitest';
import type { FormationTree, TrainingObject } from '../curriculum-api.ts';
import { ancestorPaths, childPath, modelOf, openPaths, parentOf, siblingPlace } from './tree-model.ts';

const object = (id: string, code: string, type = 'ue'): TrainingObject => ({
  id,
  periodId: 'p',
  code,
  type,
  labels: { fr: code },
  ects: null,
  hours: {},
  capacity: null,
  openForChoice: false,
  enrolmentPoint: false,
  ownerStructureId: 's',
  choice: null,
  status: 'draft',
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

// LIC > S1 > {UE1 > EC, UE2 > EC}: the EC is shared by both UEs.
const tree: FormationTree = {
  root: 'lic',
  objects: [object('lic', 'LIC', 'formation'), object('s1', 'S1', 'semester'), object('ue1', 'UE1'), object('ue2', 'UE2'), object('ec', 'EC', 'ec')],
  nodes: [
    { path: 'LIC', objectId: 'lic', parentPath: null, position: 0, depth: 0 },
    { path: 'LIC>S1', objectId: 's1', parentPath: 'LIC', position: 0, depth: 1 },
    { path: 'LIC>S1>UE2', objectId: 'ue2', parentPath: 'LIC>S1', position: 1, depth: 2 },
    { path: 'LIC>S1>UE1', objectId: 'ue1', parentPath: 'LIC>S1', position: 0, depth: 2 },
    { path: 'LIC>S1>UE1>EC', objectId: 'ec', parentPath: 'LIC>S1>UE1', position: 0, depth: 3 },
    { path: 'LIC>S1>UE2>EC', objectId: 'ec', parentPath: 'LIC>S1>UE2', position: 0, depth: 3 },
  ],
};

describe('the maquette’s tree model', () => {
  const model = modelOf(tree);

  it('puts children in their order and knows every path of a shared object', () => {
    expect(model.root.path).toBe('LIC');
    expect(model.children.get('LIC>S1')!.map((node) => node.path)).toEqual(['LIC>S1>UE1', 'LIC>S1>UE2']);
    expect(model.pathsOf.get('ec')).toEqual(['LIC>S1>UE1>EC', 'LIC>S1>UE2>EC']);
    expect(model.pathsOf.get('ue1')).toEqual(['LIC>S1>UE1']);
  });

  it('tells a node’s parent, its place among its siblings and the levels above it', () => {
    const ue2 = model.nodes.get('LIC>S1>UE2')!;
    expect(parentOf(model, ue2)?.code).toBe('S1');
    expect(parentOf(model, model.root)).toBeNull();
    expect(siblingPlace(model, ue2)).toEqual({ index: 1, count: 2 });
    expect(siblingPlace(model, model.root)).toEqual({ index: 0, count: 1 });
    expect(ancestorPaths('LIC>S1>UE2>EC')).toEqual(['LIC', 'LIC>S1', 'LIC>S1>UE2']);
    expect(ancestorPaths('LIC')).toEqual([]);
    expect(childPath('LIC>S1', 'UE3')).toBe('LIC>S1>UE3');
  });

  it('opens the levels that have children, down to a depth', () => {
    expect(openPaths(model).sort()).toEqual(['LIC', 'LIC>S1', 'LIC>S1>UE1', 'LIC>S1>UE2']);
    expect(openPaths(model, 2).sort()).toEqual(['LIC', 'LIC>S1']);
  });
});

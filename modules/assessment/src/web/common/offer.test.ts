import { describe, expect, it } from 'vitest';
import type { OfferTree } from '../assessment-api.ts';
import { courseElementsOf, pathsOfTree } from './offer.ts';

const object = (id: string, type: string) => ({ id, code: id, type, labels: { fr: id } }) as unknown as OfferTree['objects'][number];
const node = (path: string, objectId: string, parentPath: string | null, depth: number) => ({ path, objectId, parentPath, position: 0, depth });

describe('the paths of a formation’s tree', () => {
  const tree = {
    root: 'F',
    objects: [object('F', 'formation'), object('Y', 'year'), object('UE', 'ue'), object('EC', 'ec'), object('G', 'grouping'), object('UE2', 'ue')],
    nodes: [
      node('F', 'F', null, 0),
      node('F>Y', 'Y', 'F', 1),
      node('F>Y>UE', 'UE', 'F>Y', 2),
      node('F>Y>UE>EC', 'EC', 'F>Y>UE', 3),
      node('F>Y>G', 'G', 'F>Y', 2),
      node('F>Y>UE2', 'UE2', 'F>Y', 2),
    ],
  } as OfferTree;

  it('keeps the reading order and says which paths have no children', () => {
    expect(pathsOfTree(tree).map((item) => [item.path, item.leaf])).toEqual([
      ['F', false],
      ['F>Y', false],
      ['F>Y>UE', false],
      ['F>Y>UE>EC', true],
      ['F>Y>G', true],
      ['F>Y>UE2', true],
    ]);
  });

  it('finds the course elements, an empty grouping left out', () => {
    expect(courseElementsOf(tree).map((item) => item.path)).toEqual(['F>Y>UE>EC', 'F>Y>UE2']);
  });
});

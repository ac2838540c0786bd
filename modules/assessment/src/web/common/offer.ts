import type { OfferTree } from '../assessment-api.ts';

/** A path of a formation's tree with its object: one object in one context. */
export interface PathOfTree {
  path: string;
  depth: number;
  object: OfferTree['objects'][number];
  /** No child in the tree: a course element, which holds assessments (épreuves). */
  leaf: boolean;
}

/** Every path of a formation's tree in reading order, with its object and whether it is a course element. */
export function pathsOfTree(tree: OfferTree): PathOfTree[] {
  const objects = new Map(tree.objects.map((object) => [object.id, object]));
  const parents = new Set(tree.nodes.map((node) => node.parentPath).filter((path): path is string => path !== null));
  const shown: PathOfTree[] = [];
  for (const node of tree.nodes) {
    const object = objects.get(node.objectId);
    if (object !== undefined) shown.push({ path: node.path, depth: node.depth, object, leaf: !parents.has(node.path) });
  }
  return shown;
}

/**
 * The course elements of a formation: its paths without children, less the
 * groupings' own (a grouping is not assessed: what was chosen in it is).
 */
export function courseElementsOf(tree: OfferTree): PathOfTree[] {
  return pathsOfTree(tree).filter((item) => item.leaf && item.object.type !== 'grouping');
}

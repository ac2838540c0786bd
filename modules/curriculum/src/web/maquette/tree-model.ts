import type { FormationTree, TrainingObject, TreeNode } from '../curriculum-api.ts';

/** The formation tree of the API, indexed for the editor: a node is one object in one context (its path). */
export interface TreeModel {
  root: TreeNode;
  objects: Map<string, TrainingObject>;
  nodes: Map<string, TreeNode>;
  /** Child nodes by parent path, in order. */
  children: Map<string, TreeNode[]>;
  /** The paths of each object within this tree: a shared object has several. */
  pathsOf: Map<string, string[]>;
}

export function modelOf(tree: FormationTree): TreeModel {
  const objects = new Map(tree.objects.map((object) => [object.id, object]));
  const nodes = new Map<string, TreeNode>();
  const children = new Map<string, TreeNode[]>();
  const pathsOf = new Map<string, string[]>();
  for (const node of tree.nodes) {
    nodes.set(node.path, node);
    pathsOf.set(node.objectId, [...(pathsOf.get(node.objectId) ?? []), node.path]);
    if (node.parentPath !== null) children.set(node.parentPath, [...(children.get(node.parentPath) ?? []), node]);
  }
  for (const list of children.values()) list.sort((a, b) => a.position - b.position);
  const root = tree.nodes.find((node) => node.parentPath === null) ?? tree.nodes[0]!;
  return { root, objects, nodes, children, pathsOf };
}

/** The paths above a path, from the root down: `A>B>C` has `A` and `A>B`. */
export function ancestorPaths(path: string): string[] {
  const codes = path.split('>');
  return codes.slice(0, -1).map((_code, index) => codes.slice(0, index + 1).join('>'));
}

/** A node's place among its siblings, to move it up or down. */
export function siblingPlace(model: TreeModel, node: TreeNode): { index: number; count: number } {
  if (node.parentPath === null) return { index: 0, count: 1 };
  const siblings = model.children.get(node.parentPath) ?? [];
  return { index: siblings.findIndex((sibling) => sibling.path === node.path), count: siblings.length };
}

/** The object a node hangs under, null for the root. */
export function parentOf(model: TreeModel, node: TreeNode): TrainingObject | null {
  if (node.parentPath === null) return null;
  const parent = model.nodes.get(node.parentPath);
  return parent ? (model.objects.get(parent.objectId) ?? null) : null;
}

/** Paths with children, down to `depth` levels: what is shown open at first. */
export function openPaths(model: TreeModel, depth = Number.POSITIVE_INFINITY): string[] {
  return [...model.children.keys()].filter((path) => (model.nodes.get(path)?.depth ?? 0) < depth);
}

/** The path a new child of `parentPath` will have. */
export const childPath = (parentPath: string, code: string) => `${parentPath}>${code}`;

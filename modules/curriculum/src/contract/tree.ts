import { Type, type Static } from 'typebox';
import { Id } from '@pegase/referential/contract';
import { TrainingObject } from './objects.ts';

export const Path = Type.String({
  description: 'Codes from the formation down to the object, joined by ">": one object in one context.',
  examples: ['LIC-INFO>L1>S1>UE-OPT>ESPAGNOL'],
});

/** One object in one context of the tree: a shared object appears once per parent chain. */
export const TreeNode = Type.Object({
  path: Path,
  objectId: Id,
  parentPath: Type.Union([Path, Type.Null()]),
  position: Type.Integer({ description: 'Place among its siblings.' }),
  depth: Type.Integer({ minimum: 0 }),
});
export type TreeNode = Static<typeof TreeNode>;

export const FormationTree = Type.Object({
  root: Id,
  objects: Type.Array(TrainingObject, { description: 'Each object of the tree once, with its attributes.' }),
  nodes: Type.Array(TreeNode, { description: 'Every path of the tree, parents before children, siblings in order.' }),
});
export type FormationTree = Static<typeof FormationTree>;

export const ObjectPaths = Type.Object({ objectId: Id, paths: Type.Array(Path) });
export type ObjectPaths = Static<typeof ObjectPaths>;

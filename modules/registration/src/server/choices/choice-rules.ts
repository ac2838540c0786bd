import type { FieldError } from '@pegase/platform';

export interface GroupingRule {
  path: string;
  code: string;
  min: number;
  max: number;
}

export interface ChildOption {
  path: string;
  code: string;
  openForChoice: boolean;
}

/**
 * What is wrong with choosing `requested` among the children of a grouping,
 * one error per problem and a person can act on each: a path that is not a
 * child of the grouping, a closed object newly chosen, too few or too many.
 * `kept` are the children already in the cursus: a closed object chosen
 * before it closed may stay.
 */
export function choiceErrors(grouping: GroupingRule, options: ChildOption[], requested: string[], kept: ReadonlySet<string> = new Set()): FieldError[] {
  const errors: FieldError[] = [];
  const byPath = new Map(options.map((option) => [option.path, option]));
  requested.forEach((path, index) => {
    const option = byPath.get(path);
    if (option === undefined) {
      errors.push({ in: 'body', field: `/children/${index}`, message: `${path} is not a child of the grouping ${grouping.code} (${grouping.path}).` });
    } else if (!option.openForChoice && !kept.has(path)) {
      errors.push({ in: 'body', field: `/children/${index}`, message: `${option.code} is closed to choice: it cannot be chosen.` });
    }
  });
  if (requested.length < grouping.min || requested.length > grouping.max) {
    const range = grouping.min === grouping.max ? `exactly ${grouping.min}` : `from ${grouping.min} to ${grouping.max}`;
    errors.push({ in: 'body', field: '/children', message: `The grouping ${grouping.code} takes ${range} choices; ${requested.length} given.` });
  }
  return errors;
}

export interface TreeNodeOf {
  path: string;
  parentPath: string | null;
  objectId: string;
  /** The object is a grouping: its children are chosen, not added. */
  grouping: boolean;
}

/**
 * The nodes a cursus gets below (and with) `start`: every descendant reached
 * without entering a grouping. A grouping is kept, for its children are
 * chosen; what a chosen child holds is added when it is placed.
 */
export function nodesToAdd(start: TreeNodeOf, childrenOf: (path: string) => TreeNodeOf[]): TreeNodeOf[] {
  const added: TreeNodeOf[] = [];
  const walk = (node: TreeNodeOf) => {
    added.push(node);
    if (node.grouping) return;
    for (const child of childrenOf(node.path)) walk(child);
  };
  walk(start);
  return added;
}

import type { ConsistencyReport, Finding, FormationTree, TrainingObject } from '../../contract/index.ts';

/**
 * The checks before a formation is validated (pure: the tree and the kinds
 * that are groupings in, the findings out). Errors block the validation.
 *  - a grouping without children, or without a choice range;
 *  - a range that its children cannot satisfy (more to choose than exist);
 *  - credits of the children that cannot add up to the parent's;
 *  - an object without an owner structure (the formation itself: an error);
 *  - an archived object in the tree.
 */
export function checkConsistency(tree: FormationTree, groupingKinds: ReadonlySet<string>): ConsistencyReport {
  const byId = new Map(tree.objects.map((object) => [object.id, object]));
  const children = new Map<string, string[]>();
  const firstPath = new Map<string, string>();
  const pathOwner = new Map(tree.nodes.map((node) => [node.path, node.objectId]));
  for (const node of tree.nodes) {
    if (!firstPath.has(node.objectId)) firstPath.set(node.objectId, node.path);
    if (node.parentPath === null) continue;
    const parentId = pathOwner.get(node.parentPath)!;
    const list = children.get(parentId) ?? [];
    if (!list.includes(node.objectId)) list.push(node.objectId);
    children.set(parentId, list);
  }

  const findings: Finding[] = [];
  const add = (object: TrainingObject, kind: Finding['kind'], severity: Finding['severity'], message: string) =>
    findings.push({ kind, severity, objectId: object.id, path: firstPath.get(object.id)!, message });
  const isGrouping = (object: TrainingObject) => groupingKinds.has(object.type);

  /** The credits an object brings to its parent: [least, most]. */
  const credits = (object: TrainingObject): [number, number] | null => {
    if (object.ects !== null) return [object.ects, object.ects];
    if (!isGrouping(object) || object.choice === null) return null;
    const values = (children.get(object.id) ?? []).map((id) => byId.get(id)!.ects).filter((ects): ects is number => ects !== null);
    if (values.length === 0) return null;
    const sorted = [...values].sort((a, b) => a - b);
    const sum = (list: number[]) => list.reduce((total, value) => total + value, 0);
    return [sum(sorted.slice(0, object.choice.min)), sum(sorted.slice(Math.max(0, sorted.length - object.choice.max)))];
  };

  for (const object of tree.objects) {
    const kids = (children.get(object.id) ?? []).map((id) => byId.get(id)!);
    if (object.status === 'archived')
      add(object, 'archived-child', 'error', `${object.code} is archived: take it out of the formation or use this period's copy.`);
    if (object.ownerStructureId === null) {
      add(object, 'no-owner', object.id === tree.root ? 'error' : 'warning', `${object.code} has no owner structure: say which structure is in charge of it.`);
    }
    if (isGrouping(object)) {
      if (kids.length === 0) add(object, 'empty-grouping', 'error', `The grouping ${object.code} has no children to choose from.`);
      if (object.choice === null)
        add(object, 'missing-range', 'error', `The grouping ${object.code} has no choice range: say how many children a learner chooses.`);
      else if (kids.length > 0 && object.choice.max > kids.length) {
        add(
          object,
          'unsatisfiable-range',
          'error',
          `The grouping ${object.code} asks to choose ${object.choice.min} to ${object.choice.max} among ${kids.length} children: add children or lower the range.`,
        );
      }
    }
    // A grouping's own credits are what one choice brings; its parent checks the range.
    if (object.ects !== null && kids.length > 0 && !isGrouping(object)) {
      const parts = kids.map(credits);
      if (parts.every((part) => part !== null)) {
        const low = parts.reduce((total, part) => total + part![0], 0);
        const high = parts.reduce((total, part) => total + part![1], 0);
        if (object.ects < low || object.ects > high) {
          add(
            object,
            'credits-mismatch',
            'warning',
            low === high
              ? `${object.code} carries ${object.ects} ECTS but its children add up to ${low}.`
              : `${object.ects} ECTS for ${object.code}, but its children add up to between ${low} and ${high}.`,
          );
        }
      }
    }
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { root: tree.root, objects: tree.objects.length, errors, warnings: findings.length - errors, findings };
}

import type { Decision, Honours, NodeResult } from '../engine/index.ts';
import { buildTrees } from '../results/build-trees.ts';
import type { SnapshotIndex } from '../results/formation-snapshot.ts';
import type { LearnerInputs } from '../results/learner-inputs.ts';
import { describedBy, resultsFor, shown, type ShownResult } from '../results/learner-tree.ts';

const decisions: Decision[] = ['ADM', 'CMP', 'AJ', 'DEF', 'ABJ', 'DIS', 'INC'];
const honours: (Honours | null)[] = [null, 'TB', 'B', 'AB', 'P'];
export const OUTCOME_FIELDS = 6;
const NO_MARK = -1;

/**
 * Every node's outcome in tree order as six integers: path index, mark
 * (NO_MARK: none), decision, credits, jury points, honours. About 1.5 kB
 * for a year of 40 course elements, where the explained tree as JSON is
 * ten times that: 60,000 learners deliberate in one transaction.
 */
export function encodeOutcome(result: NodeResult, index: SnapshotIndex): number[] {
  const out: number[] = [];
  const walk = (node: NodeResult): void => {
    out.push(
      index.pathIndex.get(node.path)!,
      node.mark ?? NO_MARK,
      decisions.indexOf(node.decision),
      node.credits,
      node.juryPoints,
      honours.indexOf(node.honours),
    );
    for (const child of node.children) walk(child);
  };
  walk(result);
  return out;
}

/**
 * The stored outcome laid over a result recomputed from the frozen inputs:
 * the explanations come from the engine, the marks, decisions, credits and
 * honours from what was deliberated — they are the results of record even
 * if the engine were to change. A node the outcome does not have is kept
 * as recomputed.
 */
export function overlayOutcome(result: NodeResult, outcome: number[], index: SnapshotIndex): NodeResult {
  let at = 0;
  const walk = (node: NodeResult): void => {
    if (outcome[at] === index.pathIndex.get(node.path)) {
      const [, mark, decision, credits, points, honour] = outcome.slice(at, at + OUTCOME_FIELDS);
      node.mark = mark === NO_MARK ? null : mark!;
      node.decision = decisions[decision!]!;
      node.credits = credits!;
      node.juryPoints = points!;
      node.honours = honours[honour!] ?? null;
      at += OUTCOME_FIELDS;
    }
    for (const child of node.children) walk(child);
  };
  walk(result);
  return result;
}

/** A deliberated result as the API shows it: recomputed from the frozen inputs, with its stored outcome. */
export function frozenTree(index: SnapshotIndex, session: 1 | 2, inputs: LearnerInputs, outcome: number[]): ShownResult | undefined {
  const trees = buildTrees(index, inputs);
  if (trees === undefined) return undefined;
  return shown(overlayOutcome(resultsFor(trees.first, trees.second, session), outcome, index), describedBy(index.snapshot));
}

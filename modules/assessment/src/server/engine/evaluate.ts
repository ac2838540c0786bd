import { weightedMean, type Thousandths } from './marks.ts';
import type { Decision, Explanation, Honours, LearnerNode, NodeResult, Reason } from './rules.ts';

/** Honours of a passed year or diploma: ≥ 16 TB, ≥ 14 B, ≥ 12 AB, else P. */
export function honoursOf(mark: Thousandths): Honours {
  if (mark >= 16_000) return 'TB';
  if (mark >= 14_000) return 'B';
  if (mark >= 12_000) return 'AB';
  return 'P';
}

const passed = (decision: Decision) => decision === 'ADM' || decision === 'CMP' || decision === 'DIS';

function result(
  node: LearnerNode,
  mark: Thousandths | null,
  decision: Decision,
  credits: Thousandths,
  explanation: Explanation,
  children: NodeResult[] = [],
): NodeResult {
  const honours = decision === 'ADM' && node.rules.honours && mark !== null ? honoursOf(mark + node.juryPoints) : null;
  return { path: node.path, mark, decision, juryPoints: node.juryPoints, credits, honours, explanation, children };
}

const empty = (reason: Reason): Explanation => ({ counted: [], leftOut: [], reason });

/** Passes on its mark (with the jury's points) or not. */
function onMark(node: LearnerNode, mark: Thousandths): { decision: Decision; reason: Reason } {
  const facts = { mark, juryPoints: node.juryPoints, passMark: node.rules.passMark };
  return mark + node.juryPoints >= node.rules.passMark
    ? { decision: 'ADM', reason: { kind: 'pass-mark-reached', ...facts } }
    : { decision: 'AJ', reason: { kind: 'below-pass-mark', ...facts } };
}

/** A course element: the weighted mean of its assessments' grades. */
function courseElement(node: LearnerNode): NodeResult {
  if (node.assessments.length === 0) return result(node, null, 'INC', 0, empty({ kind: 'incomplete', below: node.path }));
  const explanation: Explanation = { counted: [], leftOut: [], reason: { kind: 'justified-absence' } };
  let sum = 0;
  let weight = 0;
  for (const assessment of node.assessments) {
    const part = `${node.path}#${assessment.id}`;
    const grade = assessment.grade;
    if (grade === null) return result(node, null, 'INC', 0, empty({ kind: 'incomplete', below: part }));
    if (grade === 'ABI') return result(node, null, 'DEF', 0, empty({ kind: 'unjustified-absence', below: part }));
    if (grade === 'ABJ' && node.rules.abjPolicy === 'neutral') {
      explanation.leftOut.push({ part, why: 'ABJ' });
      continue;
    }
    const mark = grade === 'ABJ' ? 0 : grade;
    explanation.counted.push({ part, coefficient: assessment.coefficient, mark });
    sum += assessment.coefficient * mark;
    weight += assessment.coefficient;
  }
  if (weight === 0) return result(node, null, 'ABJ', 0, explanation);
  const mark = weightedMean(sum, weight);
  const { decision, reason } = onMark(node, mark);
  explanation.reason = reason;
  return result(node, mark, decision, decision === 'ADM' ? node.rules.credits : 0, explanation);
}

/** A passed node's failed children pass by compensation, and theirs below them. */
function compensate(node: LearnerNode, outcome: NodeResult): void {
  for (let i = 0; i < outcome.children.length; i++) {
    const child = outcome.children[i]!;
    const rules = node.children[i]!;
    if (child.decision === 'AJ') {
      child.decision = 'CMP';
      child.credits = rules.rules.credits;
      child.explanation = { ...child.explanation, reason: { kind: 'compensated', by: outcome.path } };
      compensate(rules, child);
    }
  }
}

/**
 * A node's result from its children's, bottom-up: an unjustified absence
 * below makes it DEF; otherwise its mark is the coefficient-weighted mean
 * of its children's marks (ABJ left out or counted 0, exempted children
 * left out), rounded half up to the thousandth, and it passes when that mark
 * with the jury's points reaches its pass mark, no child is below its
 * eliminatory mark and, if it does not compensate, every child passed.
 */
function decide(node: LearnerNode): NodeResult {
  if (node.carriedMark !== null) return result(node, node.carriedMark, 'ADM', node.rules.credits, empty({ kind: 'carried-over', mark: node.carriedMark }));
  if (node.exempted) return result(node, null, 'DIS', node.rules.credits, empty({ kind: 'exempted' }));
  if (node.children.length === 0) {
    const outcome = courseElement(node);
    return outcome;
  }
  const children = node.children.map(decide);
  let capitalised = 0;
  for (const child of children) if (passed(child.decision)) capitalised += child.credits;
  const absent = children.find((child) => child.decision === 'DEF');
  if (absent !== undefined) return result(node, null, 'DEF', capitalised, empty({ kind: 'unjustified-absence', below: absent.path }), children);
  const incomplete = children.find((child) => child.decision === 'INC');
  if (incomplete !== undefined) return result(node, null, 'INC', capitalised, empty({ kind: 'incomplete', below: incomplete.path }), children);

  const explanation: Explanation = { counted: [], leftOut: [], reason: { kind: 'justified-absence' } };
  let sum = 0;
  let weight = 0;
  let eliminated: Reason | undefined;
  let failed: Reason | undefined;
  let exempted = 0;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    const rules = node.children[i]!.rules;
    if (child.decision === 'DIS') {
      explanation.leftOut.push({ part: child.path, why: 'exempted' });
      exempted++;
      continue;
    }
    if (child.mark === null) {
      // A justified absence (nothing below it counted): left out, or 0 when the node says so.
      if (node.rules.abjPolicy === 'neutral') {
        explanation.leftOut.push({ part: child.path, why: 'ABJ' });
        continue;
      }
    }
    const mark = child.mark ?? 0;
    explanation.counted.push({ part: child.path, coefficient: rules.coefficient, mark });
    sum += rules.coefficient * mark;
    weight += rules.coefficient;
    if (eliminated === undefined && rules.eliminatory !== null && mark < rules.eliminatory) {
      eliminated = { kind: 'eliminatory', child: child.path, mark, eliminatory: rules.eliminatory };
    }
    if (failed === undefined && !node.rules.compensates && !passed(child.decision)) failed = { kind: 'child-failed', child: child.path };
  }
  if (weight === 0) {
    if (exempted === children.length) return result(node, null, 'DIS', node.rules.credits, { ...explanation, reason: { kind: 'exempted' } }, children);
    return result(node, null, 'ABJ', capitalised, explanation, children);
  }
  const mark = weightedMean(sum, weight);
  const onItsMark = onMark(node, mark);
  const reason = onItsMark.decision === 'AJ' ? onItsMark.reason : (eliminated ?? failed ?? onItsMark.reason);
  const decision: Decision = reason.kind === 'pass-mark-reached' ? 'ADM' : 'AJ';
  explanation.reason = reason;
  const outcome = result(node, mark, decision, decision === 'ADM' ? node.rules.credits : capitalised, explanation, children);
  if (decision === 'ADM') compensate(node, outcome);
  return outcome;
}

/** The results of a learner's tree for one session, every node explained. Pure: no I/O, the input is not changed. */
export function evaluate(root: LearnerNode): NodeResult {
  return decide(root);
}

import { evaluate } from './evaluate.ts';
import type { LearnerNode, NodeResult } from './rules.ts';

/**
 * The tree session 2 is computed on. A learner who passed at session 1
 * keeps session 1 whole. Otherwise each course element passed at session 1
 * keeps its session-1 grades; each other one takes, by its session-2
 * policy, the better of its two sessions (best) or its session-2 grades
 * (replace) — session 1 stands for an element not sat again. The jury's
 * points and the cursus's exemptions and credits are those of session 2.
 */
export function session2Tree(first: LearnerNode, second: LearnerNode, firstResult: NodeResult): LearnerNode {
  if (firstResult.decision === 'ADM') return first;
  const merge = (one: LearnerNode, two: LearnerNode, outcome: NodeResult): LearnerNode => {
    if (one.children.length > 0) {
      return { ...two, children: two.children.map((child, index) => merge(one.children[index] ?? child, child, outcome.children[index] ?? outcome)) };
    }
    if (outcome.path === one.path && (outcome.decision === 'ADM' || outcome.decision === 'CMP')) return { ...two, assessments: one.assessments };
    const resat = two.assessments.some((assessment) => assessment.grade !== null);
    if (!resat) return { ...two, assessments: one.assessments };
    if (two.rules.session2 === 'replace') return two;
    const markOf = (node: LearnerNode) => evaluate({ ...node, juryPoints: 0, carriedMark: null, exempted: false }).mark;
    const [firstMark, secondMark] = [markOf(one), markOf(two)];
    return secondMark === null || (firstMark !== null && firstMark > secondMark) ? { ...two, assessments: one.assessments } : two;
  };
  return merge(first, second, firstResult);
}

/** Both sessions of a learner: session 1, and session 2 on the tree session2Tree gives (the same result when session 1 passed). */
export function evaluateSessions(first: LearnerNode, second: LearnerNode): { session1: NodeResult; session2: NodeResult } {
  const session1 = evaluate(first);
  return { session1, session2: session1.decision === 'ADM' ? session1 : evaluate(session2Tree(first, second, session1)) };
}

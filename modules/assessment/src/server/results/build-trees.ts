import type { AssessmentGrade, Grade, LearnerNode } from '../engine/index.ts';
import type { SnapshotIndex } from './formation-snapshot.ts';
import { ABI, ABJ, EXEMPTED, NONE, POINT, type LearnerInputs } from './learner-inputs.ts';

const gradeOf = (value: number): Grade => (value === ABI ? 'ABI' : value === ABJ ? 'ABJ' : value);

/**
 * A learner's trees for both sessions, from the formation's snapshot and
 * their inputs; undefined when their cursus has no point (cancelled, or
 * not validated yet). The tree starts at the enrolment point and follows
 * the registered entries; groupings are not nodes of the results (what was
 * chosen in them counts in the grouping's parent). A node without node
 * children is a course element: its assessments of the session, graded or
 * not yet (null). Pure: the live results and the deliberation share it.
 */
export function buildTrees(index: SnapshotIndex, inputs: LearnerInputs): { first: LearnerNode; second: LearnerNode } | undefined {
  const first = buildTree(index, inputs, 1);
  return first === undefined ? undefined : { first, second: buildTree(index, inputs, 2)! };
}

/** One session's tree (a deliberation of session 1 needs no other). */
export function buildTree(index: SnapshotIndex, inputs: LearnerInputs, session: 1 | 2): LearnerNode | undefined {
  const { snapshot, childrenOf } = index;
  const registered = new Map<number, { flags: number; carried: number }>();
  let root: number | undefined;
  for (const [path, flags, carried] of inputs.entries) {
    registered.set(path, { flags, carried });
    if (flags & POINT) root = path;
  }
  if (root === undefined) return undefined;
  const grades = new Map(inputs.grades);
  const points = new Map(inputs.points);

  const nodesUnder = (path: number): number[] =>
    childrenOf[path]!.flatMap((child) => {
      if (!registered.has(child)) return [];
      return snapshot.paths[child]!.type === 'grouping' ? nodesUnder(child) : [child];
    });
  const build = (path: number): LearnerNode => {
    const children = nodesUnder(path).map((child) => build(child));
    const entry = registered.get(path)!;
    const assessments: AssessmentGrade[] =
      children.length > 0
        ? []
        : index.assessmentsOf(path, session).map((assessment) => {
            const grade = grades.get(assessment);
            const { code, coefficient } = snapshot.assessments[assessment]!;
            return { id: code, coefficient, grade: grade === undefined ? null : gradeOf(grade) };
          });
    return {
      path: snapshot.paths[path]!.path,
      rules: snapshot.paths[path]!.rules,
      children,
      assessments,
      juryPoints: points.get(path) ?? 0,
      exempted: (entry.flags & EXEMPTED) !== 0,
      carriedMark: entry.carried === NONE ? null : entry.carried,
    };
  };
  return build(root);
}

import { and, eq, inArray } from 'drizzle-orm';
import { conflict, notFound, type Executor, type Scope } from '@pegase/platform';
import {
  evaluate,
  evaluateSessions,
  formatThousandths,
  parseThousandths,
  type AssessmentGrade,
  type Grade,
  type LearnerNode,
  type NodeResult,
  type Thousandths,
} from '../engine/index.ts';
import { effectiveRule, engineRules, storedRules } from '../rules/effective-rules.ts';
import { assertOwnsObject } from '../shared/access.ts';
import { assessments, cursus, entries, marks, objects, paths } from '../shared/tables.ts';

interface TreeEntry {
  path: string;
  parentPath: string | null;
  kind: string;
  exempted: boolean;
  carriedMark: string | null;
  code: string;
  type: string;
  ects: string | null;
  position: number;
}

/** What the results show of each path besides the engine's result. */
export type Described = Map<string, { code: string; type: string }>;

/**
 * A learner's trees for both sessions, from their cursus (registered
 * entries under the enrolment point), the paths' rules, the course
 * elements' assessments and marks, exemptions and marks carried over.
 * Groupings are not nodes of the results: what was chosen in them counts in
 * the grouping's parent. A jury's points, by path, are added before the
 * decisions.
 */
export async function learnerTrees(tx: Executor, scope: Scope, enrolmentId: string, juryPoints: ReadonlyMap<string, Thousandths> = new Map()) {
  const [row] = await tx.select().from(cursus).where(eq(cursus.enrolmentId, enrolmentId));
  if (row === undefined) throw notFound('Cursus of enrolment', enrolmentId);
  await assertOwnsObject(tx, scope, row.pointId, 'read the results of this enrolment');
  const list: TreeEntry[] = await tx
    .select({
      path: entries.path,
      parentPath: entries.parentPath,
      kind: entries.kind,
      exempted: entries.exempted,
      carriedMark: entries.carriedMark,
      code: objects.code,
      type: objects.type,
      ects: objects.ects,
      position: paths.position,
    })
    .from(entries)
    .innerJoin(objects, eq(objects.id, entries.objectId))
    .innerJoin(paths, and(eq(paths.periodId, row.periodId), eq(paths.path, entries.path)))
    .where(and(eq(entries.enrolmentId, enrolmentId), eq(entries.status, 'registered')));
  const root = list.find((entry) => entry.kind === 'point');
  if (root === undefined) {
    throw conflict('no-cursus', `Enrolment ${enrolmentId} has no cursus (it was cancelled, or not validated yet): results are computed on a cursus.`);
  }
  const childrenOf = new Map<string, TreeEntry[]>();
  for (const entry of list) {
    if (entry.parentPath === null) continue;
    childrenOf.set(entry.parentPath, [...(childrenOf.get(entry.parentPath) ?? []), entry]);
  }
  for (const children of childrenOf.values()) children.sort((a, b) => a.position - b.position);
  const nodesUnder = (entry: TreeEntry): TreeEntry[] =>
    (childrenOf.get(entry.path) ?? []).flatMap((child) => (child.type === 'grouping' ? nodesUnder(child) : [child]));

  const stored = await storedRules(
    tx,
    row.periodId,
    list.map((entry) => entry.path),
  );
  const leaves = list.filter((entry) => nodesUnder(entry).length === 0).map((entry) => entry.path);
  const graded =
    leaves.length === 0
      ? []
      : await tx
          .select({ assessment: assessments, value: marks.value, absence: marks.absence })
          .from(assessments)
          .leftJoin(marks, and(eq(marks.assessmentId, assessments.id), eq(marks.enrolmentId, enrolmentId)))
          .where(and(eq(assessments.periodId, row.periodId), inArray(assessments.path, leaves)));
  const gradesOf = (path: string, session: 1 | 2): AssessmentGrade[] =>
    graded
      .filter((line) => line.assessment.path === path && line.assessment.session === session)
      .map((line) => {
        const grade: Grade | null = line.absence ?? (line.value === null ? null : parseThousandths(line.value)!);
        return { id: line.assessment.code, coefficient: parseThousandths(line.assessment.coefficient)!, grade };
      });

  const described: Described = new Map(list.map((entry) => [entry.path, { code: entry.code, type: entry.type }]));
  const build = (entry: TreeEntry, session: 1 | 2): LearnerNode => {
    const children = nodesUnder(entry).map((child) => build(child, session));
    return {
      path: entry.path,
      rules: engineRules(effectiveRule(row.periodId, entry.path, entry, stored.get(entry.path))),
      children,
      assessments: children.length === 0 ? gradesOf(entry.path, session) : [],
      juryPoints: juryPoints.get(entry.path) ?? 0,
      exempted: entry.exempted,
      carriedMark: entry.carriedMark === null ? null : parseThousandths(entry.carriedMark)!,
    };
  };
  return { cursus: row, first: build(root, 1), second: build(root, 2), described };
}

/** Session 1, or session 2 on the tree the session-2 policies give. */
export function resultsFor(first: LearnerNode, second: LearnerNode, session: 1 | 2): NodeResult {
  return session === 1 ? evaluate(first) : evaluateSessions(first, second).session2;
}

export interface ShownResult {
  path: string;
  code: string;
  type: string;
  mark: string | null;
  decision: NodeResult['decision'];
  juryPoints: string;
  credits: string;
  honours: NodeResult['honours'];
  explanation: {
    counted: { part: string; coefficient: string; mark: string }[];
    leftOut: { part: string; why: string }[];
    reason: Record<string, string>;
  };
  children: ShownResult[];
}

/** The engine's result with every mark, coefficient and credit as a decimal string ("10.250"). */
export function shown(result: NodeResult, described: Described): ShownResult {
  const reason: Record<string, string> = {};
  for (const [key, value] of Object.entries(result.explanation.reason)) reason[key] = typeof value === 'number' ? formatThousandths(value) : String(value);
  const about = described.get(result.path);
  return {
    path: result.path,
    code: about?.code ?? result.path,
    type: about?.type ?? 'unknown',
    mark: result.mark === null ? null : formatThousandths(result.mark),
    decision: result.decision,
    juryPoints: formatThousandths(result.juryPoints),
    credits: formatThousandths(result.credits),
    honours: result.honours,
    explanation: {
      counted: result.explanation.counted.map((part) => ({
        part: part.part,
        coefficient: formatThousandths(part.coefficient),
        mark: formatThousandths(part.mark),
      })),
      leftOut: result.explanation.leftOut.map((part) => ({ ...part })),
      reason,
    },
    children: result.children.map((child) => shown(child, described)),
  };
}

import { eq } from 'drizzle-orm';
import { conflict, notFound, type Executor, type Scope } from '@pegase/platform';
import { evaluate, evaluateSessions, formatThousandths, type LearnerNode, type NodeResult } from '../engine/index.ts';
import { assertOwnsObject } from '../shared/access.ts';
import { cursus, objects } from '../shared/tables.ts';
import { buildTrees } from './build-trees.ts';
import { formationSnapshot, indexSnapshot, type FormationSnapshot } from './formation-snapshot.ts';
import { inputsOf } from './learner-inputs.ts';

/** What the results show of each path besides the engine's result. */
export type Described = Map<string, { code: string; type: string }>;

export const describedBy = (snapshot: FormationSnapshot): Described => new Map(snapshot.paths.map((path) => [path.path, { code: path.code, type: path.type }]));

/**
 * A learner's trees for both sessions as the rules and marks are now: the
 * snapshot of their enrolment point's formation and their own inputs
 * (registered entries, exemptions, marks carried over, marks), built by
 * the same pure function a deliberation uses.
 */
export async function learnerTrees(tx: Executor, scope: Scope, enrolmentId: string) {
  const [row] = await tx
    .select({ cursus, formationId: objects.formationId })
    .from(cursus)
    .innerJoin(objects, eq(objects.id, cursus.pointId))
    .where(eq(cursus.enrolmentId, enrolmentId));
  if (row === undefined) throw notFound('Cursus of enrolment', enrolmentId);
  await assertOwnsObject(tx, scope, row.cursus.pointId, 'read the results of this enrolment');
  const snapshot = indexSnapshot(await formationSnapshot(tx, row.cursus.periodId, row.formationId));
  const inputs = (await inputsOf(tx, snapshot, [enrolmentId])).get(enrolmentId);
  const trees = inputs === undefined ? undefined : buildTrees(snapshot, inputs);
  if (trees === undefined) {
    throw conflict('no-cursus', `Enrolment ${enrolmentId} has no cursus (it was cancelled, or not validated yet): results are computed on a cursus.`);
  }
  return { cursus: row.cursus, ...trees, described: describedBy(snapshot.snapshot) };
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

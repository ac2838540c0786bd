import { performance } from 'node:perf_hooks';
import { eq, sql } from 'drizzle-orm';
import { rowsOf, type Transaction } from '@pegase/platform';
import { evaluate, formatThousandths, parseThousandths, type NodeResult, type Thousandths } from '../engine/index.ts';
import { buildTree, buildTrees } from '../results/build-trees.ts';
import { formationSnapshot, indexSnapshot, type SnapshotIndex } from '../results/formation-snapshot.ts';
import { inputsOf, type LearnerInputs } from '../results/learner-inputs.ts';
import { describedBy, resultsFor, shown, type ShownResult } from '../results/learner-tree.ts';
import { juries, juryPoints } from '../shared/tables.ts';
import { encodeOutcome, OUTCOME_FIELDS } from './frozen-results.ts';
import { ranks } from './ranks.ts';

/** Learners read, computed and written at a time: a few megabytes in memory, a few statements per batch. */
const BATCH = 2_000;

export interface DeliberationFigures {
  learners: number;
  nodes: number;
  /** Milliseconds spent waiting for PostgreSQL's reads, in the engine (and encoding), and on PostgreSQL's writes. */
  readMs: number;
  computeMs: number;
  writeMs: number;
}

interface JuryToDeliberate {
  id: string;
  formationId: string;
  periodId: string;
  session: number;
}

interface Prepared {
  index: SnapshotIndex;
  pointsOf: Map<string, [number, number][]>;
}

export interface ComputedResult {
  enrolmentId: string;
  learnerId: string;
  inputs: LearnerInputs;
  result: NodeResult;
}

type Timed = <T>(phase: 'readMs' | 'writeMs', work: () => Promise<T>) => Promise<T>;

function timer(figures: DeliberationFigures): Timed {
  return async (phase, work) => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      figures[phase] += performance.now() - start;
    }
  };
}

/** The formation's snapshot (paths, rules, assessments) and the jury's points by enrolment. */
async function prepare(tx: Transaction, jury: JuryToDeliberate): Promise<Prepared> {
  const index = indexSnapshot(await formationSnapshot(tx, jury.periodId, jury.formationId));
  const points = await tx.select().from(juryPoints).where(eq(juryPoints.juryId, jury.id));
  const pointsOf = new Map<string, [number, number][]>();
  for (const point of points) {
    const path = index.pathIndex.get(point.path);
    if (path === undefined) continue;
    pointsOf.set(point.enrolmentId, [...(pointsOf.get(point.enrolmentId) ?? []), [path, parseThousandths(point.points)!]]);
  }
  return { index, pointsOf };
}

/**
 * The results of every learner whose enrolment point belongs to the jury's
 * formation, by batches in enrolment order: each batch read in three
 * statements (who, entries, marks) and computed by the pure engine with the
 * jury's points. A cursus without its point's entry (cancelled meanwhile)
 * has no results.
 */
async function* computedBatches(
  tx: Transaction,
  jury: JuryToDeliberate,
  { index, pointsOf }: Prepared,
  figures: DeliberationFigures,
): AsyncGenerator<ComputedResult[]> {
  const timed = timer(figures);
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const batch = await timed('readMs', () =>
      rowsOf<{ enrolment_id: string; learner_id: string }>(
        tx,
        sql`select c.enrolment_id, c.learner_id
              from assessment.cursus c
              join assessment.objects o on o.id = c.point_id
             where c.period_id = ${jury.periodId} and o.formation_id = ${jury.formationId} and c.enrolment_id > ${after}
             order by c.enrolment_id
             limit ${BATCH}`,
      ),
    );
    if (batch.length === 0) return;
    after = batch[batch.length - 1]!.enrolment_id;
    const inputs = await timed('readMs', () =>
      inputsOf(
        tx,
        index,
        batch.map((row) => row.enrolment_id),
      ),
    );
    const start = performance.now();
    const computed: ComputedResult[] = [];
    for (const { enrolment_id: enrolmentId, learner_id: learnerId } of batch) {
      const own = inputs.get(enrolmentId);
      if (own === undefined) continue;
      own.points = pointsOf.get(enrolmentId) ?? [];
      const result = jury.session === 1 ? sessionOne(index, own) : sessionTwo(index, own);
      if (result === undefined) continue;
      computed.push({ enrolmentId, learnerId, inputs: own, result });
    }
    figures.computeMs += performance.now() - start;
    yield computed;
    if (batch.length < BATCH) return;
  }
}

function sessionOne(index: SnapshotIndex, inputs: LearnerInputs): NodeResult | undefined {
  const tree = buildTree(index, inputs, 1);
  return tree === undefined ? undefined : evaluate(tree);
}

function sessionTwo(index: SnapshotIndex, inputs: LearnerInputs): NodeResult | undefined {
  const trees = buildTrees(index, inputs);
  return trees === undefined ? undefined : resultsFor(trees.first, trees.second, 2);
}

const noFigures = (): DeliberationFigures => ({ learners: 0, nodes: 0, readMs: 0, computeMs: 0, writeMs: 0 });

/** The results a jury would store now, explained, without storing them (a preview); in memory, so for a formation's size. */
export async function computeJury(
  tx: Transaction,
  jury: JuryToDeliberate,
): Promise<{ enrolmentId: string; learnerId: string; root: ShownResult; mark: Thousandths | null }[]> {
  const prepared = await prepare(tx, jury);
  const described = describedBy(prepared.index.snapshot);
  const lines: { enrolmentId: string; learnerId: string; root: ShownResult; mark: Thousandths | null }[] = [];
  for await (const batch of computedBatches(tx, jury, prepared, noFigures())) {
    for (const { enrolmentId, learnerId, result } of batch) lines.push({ enrolmentId, learnerId, root: shown(result, described), mark: result.mark });
  }
  return lines;
}

/**
 * Computes and stores the results of every learner of the jury's
 * formation, set-based: the formation's snapshot is read once and stored
 * with the jury; the learners are read and computed by batches, ranked,
 * then written a batch a statement with their frozen inputs, outcome and
 * rank. What waits to be written is a few kB a learner (a formation of
 * 3,000: about 10 MB). The caller's transaction makes it all or nothing.
 */
export async function storeResults(tx: Transaction, jury: JuryToDeliberate): Promise<DeliberationFigures> {
  const figures = noFigures();
  const timed = timer(figures);
  const prepared = await timed('readMs', () => prepare(tx, jury));
  const encoded: BatchRows[] = [];
  for await (const batch of computedBatches(tx, jury, prepared, figures)) {
    const start = performance.now();
    encoded.push(encodeBatch(prepared.index, batch, figures));
    figures.computeMs += performance.now() - start;
  }
  // Ranked before anything is written: each row is written once, rank included (an update would write every row again).
  const rankOf = ranks(encoded.flatMap((rows) => rows.values.map((mark, at) => ({ enrolmentId: rows.enrolments[at]!, mark }))));
  await timed('writeMs', async () => {
    for (const rows of encoded) {
      if (rows.enrolments.length > 0)
        await writeBatch(
          tx,
          jury.id,
          rows,
          rows.enrolments.map((id) => rankOf.get(id) ?? null),
        );
    }
    await tx.update(juries).set({ snapshot: prepared.index.snapshot }).where(eq(juries.id, jury.id));
  });
  return figures;
}

interface BatchRows {
  /** The root's mark in thousandths, to rank by (not written as such). */
  values: (Thousandths | null)[];
  enrolments: string[];
  learners: string[];
  marks: (string | null)[];
  decisions: string[];
  credits: string[];
  honours: (string | null)[];
  inputs: string[];
  outcomes: string[];
}

function encodeBatch(index: SnapshotIndex, batch: ComputedResult[], figures: DeliberationFigures): BatchRows {
  const rows: BatchRows = { values: [], enrolments: [], learners: [], marks: [], decisions: [], credits: [], honours: [], inputs: [], outcomes: [] };
  for (const { enrolmentId, learnerId, inputs, result } of batch) {
    const outcome = encodeOutcome(result, index);
    figures.learners++;
    figures.nodes += outcome.length / OUTCOME_FIELDS;
    rows.values.push(result.mark);
    rows.enrolments.push(enrolmentId);
    rows.learners.push(learnerId);
    rows.marks.push(result.mark === null ? null : formatThousandths(result.mark));
    rows.decisions.push(result.decision);
    rows.credits.push(formatThousandths(result.credits));
    rows.honours.push(result.honours);
    rows.inputs.push(JSON.stringify(inputs));
    rows.outcomes.push(JSON.stringify(outcome));
  }
  return rows;
}

/** One statement for a whole batch: arrays as parameters, unnested by PostgreSQL. */
async function writeBatch(tx: Transaction, juryId: string, rows: BatchRows, rankList: (number | null)[]): Promise<void> {
  await tx.execute(sql`
    insert into assessment.results (jury_id, enrolment_id, learner_id, mark, decision, rank, credits, honours, inputs, outcome)
    select ${juryId}, r.enrolment_id, r.learner_id, r.mark, r.decision, r.rank, r.credits, r.honours, r.inputs, r.outcome
      from unnest(${sql.param(rows.enrolments)}::uuid[], ${sql.param(rows.learners)}::uuid[], ${sql.param(rows.marks)}::numeric[],
                  ${sql.param(rows.decisions)}::text[], ${sql.param(rankList)}::int[], ${sql.param(rows.credits)}::numeric[],
                  ${sql.param(rows.honours)}::text[], ${sql.param(rows.inputs)}::json[], ${sql.param(rows.outcomes)}::json[])
           as r (enrolment_id, learner_id, mark, decision, rank, credits, honours, inputs, outcome)`);
}

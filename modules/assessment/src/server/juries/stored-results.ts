import { and, asc, eq, sql } from 'drizzle-orm';
import type { Transaction } from '@pegase/platform';
import type { JuryResult } from '../../contract/index.ts';
import { formatThousandths, parseThousandths } from '../engine/index.ts';
import { indexSnapshot, type FormationSnapshot, type SnapshotIndex } from '../results/formation-snapshot.ts';
import type { LearnerInputs } from '../results/learner-inputs.ts';
import type { ShownResult } from '../results/learner-tree.ts';
import { juries, learners, results } from '../shared/tables.ts';
import { frozenTree } from './frozen-results.ts';

type ResultRow = typeof results.$inferSelect;

/** Deliberated juries' snapshots, indexed once per call however many of their results are read. */
export class FrozenJuries {
  private readonly indexes = new Map<string, { index: SnapshotIndex; session: 1 | 2 }>();

  private readonly tx: Transaction;

  constructor(tx: Transaction) {
    this.tx = tx;
  }

  /** A stored result's whole explained tree, as it was deliberated. */
  async treeOf(row: ResultRow): Promise<ShownResult> {
    let frozen = this.indexes.get(row.juryId);
    if (frozen === undefined) {
      const [jury] = await this.tx.select({ snapshot: juries.snapshot, session: juries.session }).from(juries).where(eq(juries.id, row.juryId));
      frozen = { index: indexSnapshot(jury!.snapshot as FormationSnapshot), session: jury!.session as 1 | 2 };
      this.indexes.set(row.juryId, frozen);
    }
    const tree = frozenTree(frozen.index, frozen.session, row.inputs as LearnerInputs, row.outcome as number[]);
    // A stored result always had a point in its inputs: that is how it was computed.
    if (tree === undefined) throw new Error(`The stored result of enrolment ${row.enrolmentId} in jury ${row.juryId} has no enrolment point`);
    return tree;
  }

  /** The paths' labels of a jury's formation, as the deliberation saw them. */
  async labelsOf(juryId: string): Promise<Map<string, { labelFr: string; labelEn: string | null }>> {
    const [jury] = await this.tx.select({ snapshot: juries.snapshot }).from(juries).where(eq(juries.id, juryId));
    const snapshot = jury?.snapshot as FormationSnapshot | null | undefined;
    return new Map((snapshot?.paths ?? []).map((path) => [path.path, { labelFr: path.labelFr, labelEn: path.labelEn }]));
  }
}

export interface Page {
  limit: number;
  offset: number;
}

/** The stored results of a jury, by rank then name, a page at a time; or a learner's published ones. */
export async function storedResults(
  tx: Transaction,
  where: { juryId: string; page?: Page } | { learnerCode: string; published: true },
): Promise<(JuryResult & { juryId: string })[]> {
  const query = tx
    .select({ result: results, learner: learners })
    .from(results)
    .innerJoin(juries, eq(juries.id, results.juryId))
    .innerJoin(learners, eq(learners.id, results.learnerId))
    .where('juryId' in where ? eq(results.juryId, where.juryId) : and(eq(learners.code, where.learnerCode), eq(juries.status, 'published')))
    .orderBy(sql`${results.rank} nulls last`, asc(learners.familyName), asc(learners.givenNames), asc(results.enrolmentId));
  const rows = 'juryId' in where && where.page !== undefined ? await query.limit(where.page.limit).offset(where.page.offset) : await query;
  const frozen = new FrozenJuries(tx);
  const shown: (JuryResult & { juryId: string })[] = [];
  for (const { result, learner } of rows) {
    shown.push({
      juryId: result.juryId,
      enrolmentId: result.enrolmentId,
      learnerId: result.learnerId,
      learnerCode: learner.code,
      familyName: learner.familyName,
      givenNames: learner.givenNames,
      mark: result.mark === null ? null : formatThousandths(parseThousandths(result.mark)!),
      decision: result.decision,
      rank: result.rank,
      root: (await frozen.treeOf(result)) as JuryResult['root'],
    });
  }
  return shown;
}

import { and, asc, eq, gt } from 'drizzle-orm';
import type { ModuleContext, Origin, Transaction } from '@pegase/platform';
import { assessmentEvents, type LearnerResultsPublished, type PublishedResultLine } from '../../contract/index.ts';
import type { ShownResult } from '../results/learner-tree.ts';
import { type juries, results } from '../shared/tables.ts';
import { FrozenJuries } from './stored-results.ts';

/**
 * Results read and announced per chunk: a whole university's session
 * (60,000 learners) never sits in memory at once, and each chunk goes to
 * the outbox in a few statements.
 */
const CHUNK = 500;

type Labels = Map<string, { labelFr: string; labelEn: string | null }>;

/** The tree as flat lines in tree order (parent before its children), without explanations. */
export function flatLines(root: ShownResult, labels: Labels): PublishedResultLine[] {
  const lines: PublishedResultLine[] = [];
  const walk = (node: ShownResult, depth: number) => {
    const label = labels.get(node.path);
    // A stored tree may say which session a mark comes from; the deliberation of today does not.
    const session = (node as { session?: unknown }).session;
    lines.push({
      path: node.path,
      depth,
      code: node.code,
      type: node.type,
      labelFr: label?.labelFr ?? node.code,
      labelEn: label?.labelEn ?? null,
      mark: node.mark,
      decision: node.decision,
      credits: node.credits,
      session: session === 1 || session === 2 ? session : null,
    });
    for (const child of node.children) walk(child, depth + 1);
  };
  walk(root, 0);
  return lines;
}

type JuryRow = typeof juries.$inferSelect;
type ResultRow = typeof results.$inferSelect;

function payloadOf(jury: JuryRow, row: ResultRow, root: ShownResult, labels: Labels): LearnerResultsPublished {
  return {
    juryId: jury.id,
    formationId: jury.formationId,
    periodId: jury.periodId,
    session: jury.session as 1 | 2,
    enrolmentId: row.enrolmentId,
    learnerId: row.learnerId,
    publishedAt: jury.publishedAt!.toISOString(),
    mark: root.mark,
    decision: row.decision,
    rank: row.rank,
    honours: root.honours,
    lines: flatLines(root, labels),
  };
}

/**
 * One `assessment.learner-results.published` per stored result of a jury
 * that has just been published, in the publication's transaction: the
 * documents module prints transcripts and pass certificates from them.
 * Called once per jury (a published jury is never published again).
 */
export async function announceLearnerResults(context: ModuleContext, tx: Transaction, jury: JuryRow, origin: Origin): Promise<number> {
  // The tree and the labels as the deliberation froze them (stored-results.ts).
  const frozen = new FrozenJuries(tx);
  const labels = await frozen.labelsOf(jury.id);
  let announced = 0;
  let after: string | undefined;
  for (;;) {
    const rows = await tx
      .select()
      .from(results)
      .where(after === undefined ? eq(results.juryId, jury.id) : and(eq(results.juryId, jury.id), gt(results.enrolmentId, after)))
      .orderBy(asc(results.enrolmentId))
      .limit(CHUNK);
    if (rows.length === 0) return announced;
    const items = [];
    for (const row of rows) items.push({ data: payloadOf(jury, row, await frozen.treeOf(row), labels), subject: row.enrolmentId, before: null });
    await context.publishMany(tx, assessmentEvents.learnerResultsPublished, items, origin);
    announced += rows.length;
    after = rows.at(-1)!.enrolmentId;
  }
}

import { sql } from 'drizzle-orm';
import type { EventHandler, Transaction } from '@pegase/platform';
import { assessmentEvents, type LearnerResultsPublished } from '@pegase/assessment/contract';
import { publishedResults } from '../shared/tables.ts';

/**
 * One row per jury and enrolment: a delivery repeated (at least once) writes
 * the same row again, and an older publication delivered late never
 * overwrites a newer one.
 */
async function keepResult(tx: Transaction, result: LearnerResultsPublished): Promise<void> {
  const values = {
    learnerId: result.learnerId,
    formationId: result.formationId,
    periodId: result.periodId,
    session: result.session,
    publishedAt: new Date(result.publishedAt),
    mark: result.mark,
    decision: result.decision,
    rank: result.rank,
    honours: result.honours,
    lines: result.lines,
  };
  await tx
    .insert(publishedResults)
    .values({ juryId: result.juryId, enrolmentId: result.enrolmentId, ...values })
    .onConflictDoUpdate({
      target: [publishedResults.juryId, publishedResults.enrolmentId],
      set: values,
      setWhere: sql`${publishedResults.publishedAt} <= excluded.published_at`,
    });
}

/** The results juries publish: what transcripts and pass certificates print. Nothing exists here before publication. */
export function resultsReadModel(): EventHandler[] {
  return [
    {
      consumer: 'documents.results',
      event: assessmentEvents.learnerResultsPublished.type,
      handle: (event, tx) => keepResult(tx, event.data as LearnerResultsPublished),
    },
  ];
}

import { sql } from 'drizzle-orm';
import type { Transaction } from '@pegase/platform';

/**
 * Serialises the changes of one period's graph: two links added at once
 * could each pass the cycle check and together close a cycle. The lock is
 * held until the transaction ends.
 */
export async function lockPeriodGraph(tx: Transaction, periodId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`curriculum.graph:${periodId}`}, 0))`);
}

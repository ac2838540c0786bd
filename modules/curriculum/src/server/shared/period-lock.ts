import { sql } from 'drizzle-orm';
import type { Transaction } from '@pegase/platform';

/**
 * Serialises the changes of one period's offer and marks it changed: two
 * links added at once could each pass the cycle check and together close a
 * cycle, and a tree computed before a change must not be served after it.
 * The lock is held until the transaction ends; the version bump commits
 * with the change (readers compare versions: tree/tree-cache.ts).
 */
export async function lockPeriodGraph(tx: Transaction, periodId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`curriculum.graph:${periodId}`}, 0))`);
  await tx.execute(
    sql`insert into curriculum.graph_versions (period_id, version) values (${periodId}::uuid, 1)
        on conflict (period_id) do update set version = curriculum.graph_versions.version + 1`,
  );
}

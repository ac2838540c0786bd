import { and, eq, sql } from 'drizzle-orm';
import { conflict, notFound, type Executor } from '@pegase/platform';
import type { RulesFreeze, RulesFrozen } from '../../contract/index.ts';
import { paths, ruleFreezes } from '../shared/tables.ts';

type FreezeRow = typeof ruleFreezes.$inferSelect;

/** A path's first code is its formation's: rules and assessments hang on paths, a freeze on formations. */
export const formationCodeOf = (path: string): string => path.split('>')[0]!;

/**
 * Writers of a formation's MCC share this lock; a freeze takes it alone.
 * Without it a rule checked open could commit just after the freeze.
 */
async function lockFormationRules(tx: Executor, periodId: string, formationCode: string, exclusive: boolean): Promise<void> {
  const key = `assessment.rules:${periodId}:${formationCode}`;
  await tx.execute(
    exclusive ? sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))` : sql`select pg_advisory_xact_lock_shared(hashtextextended(${key}, 0))`,
  );
}

export const frozenOf = (row: FreezeRow | undefined): RulesFrozen | null =>
  row === undefined ? null : { at: row.frozenAt.toISOString(), by: row.frozenBy, reason: row.reason };

export async function freezeRow(tx: Executor, periodId: string, formationCode: string): Promise<FreezeRow | undefined> {
  const [row] = await tx
    .select()
    .from(ruleFreezes)
    .where(and(eq(ruleFreezes.periodId, periodId), eq(ruleFreezes.formationCode, formationCode)));
  return row;
}

/** Whether the MCC of the path's formation are frozen for the period (null: open). */
export async function frozenFor(tx: Executor, periodId: string, path: string): Promise<RulesFrozen | null> {
  return frozenOf(await freezeRow(tx, periodId, formationCodeOf(path)));
}

/**
 * Refuses (409 rules-frozen) a change of the rules or assessments of a path
 * whose formation's MCC are frozen for the period; otherwise holds them open
 * until the caller's transaction ends. Call it before writing.
 */
export async function assertRulesOpen(tx: Executor, periodId: string, path: string): Promise<void> {
  const code = formationCodeOf(path);
  await lockFormationRules(tx, periodId, code, false);
  const row = await freezeRow(tx, periodId, code);
  if (row === undefined) return;
  const why =
    row.reason === 'period-archived'
      ? `the curriculum archived the period (${row.frozenAt.toISOString()}): they stay as they are for good`
      : `they were adopted and frozen by ${row.frozenBy} on ${row.frozenAt.toISOString()}; an administrator may unfreeze them (DELETE /rules/freeze) if they must change`;
  throw conflict('rules-frozen', `The MCC of ${code} for this period are frozen, so ${path} keeps its rules and assessments: ${why}.`);
}

/** A formation of the validated offer of a period: the root of its paths. */
export async function formationOf(tx: Executor, periodId: string, formationId: string): Promise<{ id: string; code: string }> {
  const [root] = await tx
    .select({ path: paths.path })
    .from(paths)
    .where(and(eq(paths.periodId, periodId), eq(paths.objectId, formationId), eq(paths.depth, 0)));
  if (root === undefined) throw notFound(`Formation of the validated offer of period ${periodId}:`, formationId);
  return { id: formationId, code: root.path };
}

export const freezeOf = (periodId: string, formation: { id: string; code: string }, row: FreezeRow | undefined): RulesFreeze => ({
  periodId,
  formationId: formation.id,
  formationCode: formation.code,
  frozen: frozenOf(row),
});

/** Freezes a formation's MCC (no-op when already frozen): returns the freeze and whether this call set it. */
export async function freezeFormation(
  tx: Executor,
  periodId: string,
  formation: { id: string; code: string },
  reason: 'adopted' | 'period-archived',
  by: string,
): Promise<{ freeze: RulesFreeze; before: RulesFreeze; changed: boolean }> {
  await lockFormationRules(tx, periodId, formation.code, true);
  const existing = await freezeRow(tx, periodId, formation.code);
  const before = freezeOf(periodId, formation, existing);
  // An archive makes an adopted freeze final; an adoption never softens an archive.
  if (existing !== undefined && (existing.reason === 'period-archived' || reason === 'adopted')) return { freeze: before, before, changed: false };
  const values = { reason, frozenBy: by, frozenAt: new Date() };
  const [row] = await tx
    .insert(ruleFreezes)
    .values({ periodId, formationId: formation.id, formationCode: formation.code, ...values })
    .onConflictDoUpdate({ target: [ruleFreezes.periodId, ruleFreezes.formationId], set: values })
    .returning();
  return { freeze: freezeOf(periodId, formation, row), before, changed: true };
}

/** Unfreezes adopted MCC; those of an archived period stay frozen for good (409 rules-frozen). */
export async function unfreezeFormation(
  tx: Executor,
  periodId: string,
  formation: { id: string; code: string },
): Promise<{ before: RulesFreeze; changed: boolean }> {
  await lockFormationRules(tx, periodId, formation.code, true);
  const existing = await freezeRow(tx, periodId, formation.code);
  const before = freezeOf(periodId, formation, existing);
  if (existing === undefined) return { before, changed: false };
  if (existing.reason === 'period-archived')
    throw conflict('rules-frozen', `The curriculum archived this period: the MCC of ${formation.code} stay frozen for good (transcripts rely on them).`);
  await tx.delete(ruleFreezes).where(and(eq(ruleFreezes.periodId, periodId), eq(ruleFreezes.formationId, formation.id)));
  return { before, changed: true };
}

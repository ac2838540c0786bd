import { sql } from 'drizzle-orm';
import type { ModuleContext, Origin, Transaction } from '@pegase/platform';
import { assessmentEvents, type Rule } from '../../contract/index.ts';
import { rules } from '../shared/tables.ts';
import { effectiveRule } from './effective-rules.ts';

/** What a rule sets: decimals normalised ("1.500"), eliminatory null when none. */
export type RuleValues = Pick<Rule, 'coefficient' | 'passMark' | 'credits' | 'compensates' | 'eliminatory' | 'abjPolicy' | 'session2'>;

export const ruleValuesOf = (rule: Rule): RuleValues => ({
  coefficient: rule.coefficient,
  passMark: rule.passMark,
  credits: rule.credits,
  compensates: rule.compensates,
  eliminatory: rule.eliminatory,
  abjPolicy: rule.abjPolicy,
  session2: rule.session2,
});

export const sameValues = (a: RuleValues, b: RuleValues): boolean => (Object.keys(a) as (keyof RuleValues)[]).every((key) => a[key] === b[key]);

export interface RuleWrite {
  path: string;
  object: { type: string; ects: string | null };
  values: RuleValues;
  /** The effective rule before the change (the audit's `before`). */
  before: Rule;
}

/** Rows per statement: 12 parameters a row stays far below PostgreSQL's limit. */
const BATCH = 500;

/**
 * Stores rules (a new version of each) and announces each change with the
 * rule before it: `assessment.rule.changed`, which the audit trail records.
 * PUT /rules and the spreadsheet import both write through here.
 */
export async function writeRules(context: ModuleContext, tx: Transaction, periodId: string, writes: RuleWrite[], origin: Origin): Promise<Rule[]> {
  const updatedBy = origin.actor.login ?? origin.actor.subject;
  const written: Rule[] = [];
  for (let start = 0; start < writes.length; start += BATCH) {
    const batch = writes.slice(start, start + BATCH);
    const stored = await tx
      .insert(rules)
      .values(batch.map((write) => ({ periodId, path: write.path, ...write.values, updatedBy, updatedAt: new Date() })))
      .onConflictDoUpdate({
        target: [rules.periodId, rules.path],
        set: {
          coefficient: sql`excluded.coefficient`,
          passMark: sql`excluded.pass_mark`,
          credits: sql`excluded.credits`,
          compensates: sql`excluded.compensates`,
          eliminatory: sql`excluded.eliminatory`,
          abjPolicy: sql`excluded.abj_policy`,
          session2: sql`excluded.session2`,
          updatedBy: sql`excluded.updated_by`,
          updatedAt: sql`excluded.updated_at`,
          version: sql`${rules.version} + 1`,
        },
      })
      .returning();
    const byPath = new Map(stored.map((row) => [row.path, row]));
    const items = batch.map((write) => {
      const rule = effectiveRule(periodId, write.path, write.object, byPath.get(write.path));
      written.push(rule);
      return { data: rule, subject: `${periodId}:${write.path}`, before: write.before };
    });
    await context.publishMany(tx, assessmentEvents.ruleChanged, items, origin);
  }
  return written;
}

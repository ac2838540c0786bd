import { and, eq, inArray } from 'drizzle-orm';
import { formatThousandths, parseThousandths, type NodeRules } from '../engine/index.ts';
import type { Rule } from '../../contract/index.ts';
import type { Executor } from '@pegase/platform';
import { rules } from '../shared/tables.ts';

type StoredRule = typeof rules.$inferSelect;

/** The types whose children compensate one another by default (an EC: its assessments). */
const compensating = new Set(['formation', 'track', 'year', 'semester', 'ue', 'ec']);
const withHonours = new Set(['year', 'formation']);

/** A decimal as entered or stored ("14.5", "14,5", "14.500") → "14.500"; undefined when it has more than 3 decimals. */
export function normalised(text: string): string | undefined {
  const value = parseThousandths(text);
  return value === undefined ? undefined : formatThousandths(value);
}

/** ECTS as the offer holds them (any decimal) → thousandths, 0 when none. */
function ectsOf(ects: string | null): number {
  if (ects === null) return 0;
  return parseThousandths(ects) ?? Math.round(Number(ects) * 1000);
}

/**
 * The effective rule of a path: stored, or the defaults of its object's type
 * (coefficient 1, pass mark 10, credits = the object's ECTS, compensating for
 * formations, tracks, years, semesters, UEs and ECs, no eliminatory mark, ABJ
 * neutral, the best of the two sessions; honours for years and formations).
 */
export function effectiveRule(periodId: string, path: string, object: { type: string; ects: string | null }, stored: StoredRule | undefined): Rule {
  const common = { periodId, path, objectType: object.type, honours: withHonours.has(object.type) };
  if (stored !== undefined) {
    return {
      ...common,
      coefficient: normalised(stored.coefficient)!,
      passMark: normalised(stored.passMark)!,
      credits: normalised(stored.credits)!,
      compensates: stored.compensates,
      eliminatory: stored.eliminatory === null ? null : normalised(stored.eliminatory)!,
      abjPolicy: stored.abjPolicy,
      session2: stored.session2,
      source: 'stored',
      version: stored.version,
    };
  }
  return {
    ...common,
    coefficient: '1.000',
    passMark: '10.000',
    credits: formatThousandths(ectsOf(object.ects)),
    compensates: compensating.has(object.type),
    eliminatory: null,
    abjPolicy: 'neutral',
    session2: 'best',
    source: 'default',
    version: null,
  };
}

/** The engine's view of a rule: every decimal in thousandths. */
export function engineRules(rule: Rule): NodeRules {
  const t = (text: string) => parseThousandths(text)!;
  return {
    coefficient: t(rule.coefficient),
    passMark: t(rule.passMark),
    credits: t(rule.credits),
    compensates: rule.compensates,
    eliminatory: rule.eliminatory === null ? null : t(rule.eliminatory),
    abjPolicy: rule.abjPolicy,
    session2: rule.session2,
    honours: rule.honours,
  };
}

/** The stored rules of some paths of a period, by path. */
export async function storedRules(tx: Executor, periodId: string, pathList: string[]): Promise<Map<string, StoredRule>> {
  if (pathList.length === 0) return new Map();
  const rows = await tx
    .select()
    .from(rules)
    .where(and(eq(rules.periodId, periodId), inArray(rules.path, pathList)));
  return new Map(rows.map((row) => [row.path, row]));
}

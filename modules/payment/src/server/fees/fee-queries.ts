import { asc, eq, sql } from 'drizzle-orm';
import { notFound, rowsOf, ruleProblem, type Executor } from '@pegase/platform';
import type { FeeRules, Fees, PointLevel, Settings } from '../../contract/index.ts';
import type { EnrolmentRow } from '../shared/scope.ts';
import { feeRules, pointLevels, points, settings } from '../shared/tables.ts';
import { computeFees, instalmentCounts, splitInstalments } from './fee-calculator.ts';

type RulesRow = typeof feeRules.$inferSelect;

export function toFeeRules(row: RulesRow): FeeRules {
  return { periodId: row.periodId, ...row.rules, version: row.version, updatedAt: row.updatedAt.toISOString() };
}

export async function getFeeRules(db: Executor, periodId: string): Promise<FeeRules> {
  const [row] = await db.select().from(feeRules).where(eq(feeRules.periodId, periodId));
  if (row === undefined) throw notFound('Fee rules of the period', periodId);
  return toFeeRules(row);
}

/** The enrolment points of a period with their diploma level (null when not set yet), by path. */
export async function listPointLevels(db: Executor, periodId: string): Promise<PointLevel[]> {
  const rows = await db
    .select({ point: points, level: pointLevels.level })
    .from(points)
    .leftJoin(pointLevels, eq(pointLevels.pointId, points.objectId))
    .where(eq(points.periodId, periodId))
    .orderBy(asc(points.path), asc(points.objectId));
  return rows.map(({ point, level }) => toPointLevel(point, level));
}

export function toPointLevel(point: typeof points.$inferSelect, level: string | null): PointLevel {
  return {
    pointId: point.objectId,
    periodId: point.periodId,
    code: point.code,
    path: point.path,
    labels: point.labelEn === null ? { fr: point.labelFr } : { fr: point.labelFr, en: point.labelEn },
    level,
  };
}

function notDefined(detail: string) {
  return ruleProblem('fees-not-defined', `${detail} An administrator sets them (PUT /points/{pointId}/level, PUT /periods/{periodId}/fee-rules).`);
}

/**
 * The fees of an enrolment with their breakdown, from the rules of its
 * period and the level of its point; 422 `fees-not-defined` when either is
 * missing, rather than a guess.
 */
export async function feesOf(db: Executor, enrolment: EnrolmentRow): Promise<Fees> {
  // The level and the rules in one round trip: every fees page and every payment started reads both.
  const [{ level, rules } = { level: null, rules: null }] = await rowsOf<{ level: string | null; rules: RulesRow['rules'] | null }>(
    db,
    sql`select (select ${pointLevels.level} from ${pointLevels} where ${pointLevels.pointId} = ${enrolment.pointId}) as level,
               (select ${feeRules.rules} from ${feeRules} where ${feeRules.periodId} = ${enrolment.periodId}) as rules`,
  );
  if (level === null) throw notDefined('The enrolment point of this enrolment has no diploma level yet, so its fees are not known.');
  if (rules === null) throw notDefined('The period of this enrolment has no fee rules yet.');
  const computed = computeFees(rules, level, enrolment.profiles);
  if (computed === undefined) throw notDefined(`The fee rules of the period give no amount for the level ${level}.`);
  return {
    enrolmentId: enrolment.id,
    periodId: enrolment.periodId,
    pointId: enrolment.pointId,
    level,
    currency: 'EUR',
    lines: computed.lines,
    totalCents: computed.totalCents,
    exempt: computed.totalCents === 0,
    instalmentPlans: instalmentCounts(rules, computed.totalCents).map((count) => ({ count, amountsCents: splitInstalments(computed.totalCents, count) })),
  };
}

export async function getSettings(db: Executor): Promise<Settings> {
  const [row] = await db.select().from(settings);
  return { provider: row!.provider, version: row!.version, updatedAt: row!.updatedAt.toISOString() };
}

import { eq, sql } from 'drizzle-orm';
import { checkVersion, ruleProblem, type FieldError, type ModuleContext, type Origin, type Transaction } from '@pegase/platform';
import { paymentEvents, type FeeRules, type PointLevel, type PutFeeRules, type Settings } from '../../contract/index.ts';
import type { EnrolmentRow } from '../shared/scope.ts';
import { feeRules, periods, pointLevels, points, settings, type StoredRules } from '../shared/tables.ts';
import { feesOf, getSettings, toFeeRules, toPointLevel } from './fee-queries.ts';

/** What the schema cannot say: unique codes, a reduction with one amount, extras for levels the rules know. */
export function checkRules(rules: StoredRules): void {
  const errors: FieldError[] = [];
  const duplicates = (values: string[], field: (index: number) => string, what: string) =>
    values.forEach((value, index) => {
      if (values.indexOf(value) !== index) errors.push({ in: 'body', field: field(index), message: `${what} ${value} is already given above` });
    });
  duplicates(
    rules.levels.map((entry) => entry.level),
    (index) => `/levels/${index}/level`,
    'the level',
  );
  duplicates(
    rules.adjustments.map((entry) => entry.profile),
    (index) => `/adjustments/${index}/profile`,
    'the profile',
  );
  duplicates(
    rules.extras.map((entry) => entry.code),
    (index) => `/extras/${index}/code`,
    'the code',
  );
  rules.adjustments.forEach((adjustment, index) => {
    const amounts = [adjustment.percent, adjustment.amountCents].filter((value) => value !== undefined).length;
    if (adjustment.kind === 'exemption' && amounts > 0)
      errors.push({ in: 'body', field: `/adjustments/${index}`, message: 'an exemption waives everything: give no percent nor amountCents' });
    if (adjustment.kind === 'reduction' && amounts !== 1)
      errors.push({ in: 'body', field: `/adjustments/${index}`, message: 'a reduction needs either percent or amountCents' });
  });
  const levels = new Set(rules.levels.map((entry) => entry.level));
  rules.extras.forEach((extra, index) =>
    extra.levels?.forEach((level, at) => {
      if (!levels.has(level))
        errors.push({ in: 'body', field: `/extras/${index}/levels/${at}`, message: `the level ${level} has no base amount in these rules` });
    }),
  );
  if (errors.length > 0) throw ruleProblem('invalid-fee-rules', `The fee rules are not consistent: ${errors[0]!.field} ${errors[0]!.message}.`, errors);
}

/** Sets (or replaces) the fee rules of a period, whole: they apply to fees computed from now on. */
export async function putFeeRules(
  context: ModuleContext,
  periodId: string,
  input: PutFeeRules,
  expectedVersion: number | undefined,
  origin: Origin,
): Promise<FeeRules> {
  const rules: StoredRules = { levels: input.levels, adjustments: input.adjustments ?? [], extras: input.extras ?? [], instalments: input.instalments ?? true };
  checkRules(rules);
  return context.transaction(async (tx) => {
    const [period] = await tx.select({ id: periods.id }).from(periods).where(eq(periods.id, periodId));
    if (period === undefined) throw ruleProblem('unknown-period', `${periodId} is not a period of the referential.`);
    const [current] = await tx.select().from(feeRules).where(eq(feeRules.periodId, periodId)).for('update');
    if (current !== undefined) checkVersion('The fee rules', current.version, expectedVersion);
    const [row] = await tx
      .insert(feeRules)
      .values({ periodId, rules })
      .onConflictDoUpdate({ target: feeRules.periodId, set: { rules, version: sql`${feeRules.version} + 1`, updatedAt: sql`now()` } })
      .returning();
    const saved = toFeeRules(row!);
    await context.publish(tx, paymentEvents.feeRulesUpdated, saved, {
      subject: periodId,
      origin,
      before: current === undefined ? null : toFeeRules(current),
    });
    return saved;
  });
}

/** Sets the diploma level of an enrolment point of the validated offer. */
export async function putPointLevel(context: ModuleContext, pointId: string, level: string, origin: Origin): Promise<PointLevel> {
  return context.transaction(async (tx) => {
    const [point] = await tx.select().from(points).where(eq(points.objectId, pointId));
    if (point === undefined) {
      throw ruleProblem('unknown-enrolment-point', `${pointId} is not an enrolment point of a validated formation.`, [
        { in: 'params', field: '/pointId', message: 'is not an enrolment point' },
      ]);
    }
    const [before] = await tx.select().from(pointLevels).where(eq(pointLevels.pointId, pointId)).for('update');
    if (before?.level === level) return toPointLevel(point, level);
    await tx
      .insert(pointLevels)
      .values({ pointId, level })
      .onConflictDoUpdate({ target: pointLevels.pointId, set: { level, updatedAt: sql`now()` } });
    const saved = toPointLevel(point, level);
    await context.publish(tx, paymentEvents.pointLevelUpdated, saved, { subject: pointId, origin, before: toPointLevel(point, before?.level ?? null) });
    return saved;
  });
}

export async function putSettings(context: ModuleContext, provider: Settings['provider'], origin: Origin): Promise<Settings> {
  return context.transaction(async (tx) => {
    const before = await getSettings(tx);
    if (before.provider === provider) return before;
    await tx
      .update(settings)
      .set({ provider, version: sql`${settings.version} + 1`, updatedAt: sql`now()` })
      .where(eq(settings.singleton, true));
    const saved = await getSettings(tx);
    await context.publish(tx, paymentEvents.settingsUpdated, saved, { subject: 'settings', origin, before });
    return saved;
  });
}

/**
 * When an enrolment is submitted and its fees come to zero (an exemption by
 * profile), they are settled without a payment: `payment.fees.waived`, which
 * enrolment turns into the payment status `exempt`. Fees that cannot be
 * computed yet (no level, no rules) are left to staff.
 */
export async function waiveIfExempt(context: ModuleContext, tx: Transaction, enrolment: EnrolmentRow, origin: Origin): Promise<void> {
  if (enrolment.paymentStatus !== 'unpaid' && enrolment.paymentStatus !== 'none') return;
  let fees;
  try {
    fees = await feesOf(tx, enrolment);
  } catch (error) {
    if ((error as { slug?: string }).slug === 'fees-not-defined') return;
    throw error;
  }
  if (fees.exempt) await context.publish(tx, paymentEvents.feesWaived, fees, { subject: enrolment.id, origin });
}

import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { rowsOf, systemOrigin, type EventHandler, type ModuleContext, type PegaseEvent, type Transaction } from '@pegase/platform';
import { curriculumEvents, type CopyReport } from '@pegase/curriculum/contract';
import { assessmentEvents } from '../../contract/index.ts';
import { assessments, paths } from '../shared/tables.ts';
import { freezeFormation } from './rule-freeze.ts';

const originOfEvent = (event: PegaseEvent) => ({ ...systemOrigin('assessment'), requestId: event.requestId ?? `event:${event.id}` });

/** Every formation of the archived period's validated offer: its MCC frozen for good. */
async function freezeArchivedPeriod(context: ModuleContext, tx: Transaction, event: PegaseEvent): Promise<void> {
  const { periodId } = event.data as { periodId: string };
  const roots = await tx
    .select({ id: paths.objectId, code: paths.path })
    .from(paths)
    .where(and(eq(paths.periodId, periodId), eq(paths.depth, 0)))
    .orderBy(paths.path);
  const items = [];
  for (const root of roots) {
    const { freeze, before, changed } = await freezeFormation(tx, periodId, root, 'period-archived', 'curriculum.period.archived');
    if (changed) items.push({ data: freeze, subject: `${periodId}:${root.id}`, before });
  }
  if (items.length > 0) await context.publishMany(tx, assessmentEvents.rulesFrozen, items, originOfEvent(event));
}

/** Rows per statement when copying assessments. */
const BATCH = 500;

/**
 * The curriculum copies a period's offer with the same codes and links, so
 * each path of the new period reads as it did: the MCC (rules and
 * assessments, no mark, no lock, no freeze) are copied path for path, as
 * drafts. A path the new offer drops keeps a rule nobody reads; one it keeps
 * finds its MCC when its formation is validated. A rule or an assessment
 * already there is left alone.
 */
async function copyPeriodRules(context: ModuleContext, tx: Transaction, event: PegaseEvent): Promise<void> {
  const { fromPeriodId, toPeriodId } = event.data as CopyReport;
  const [copied] = await rowsOf<{ n: number }>(
    tx,
    sql`with inserted as (
          insert into assessment.rules (period_id, path, coefficient, pass_mark, credits, compensates, eliminatory, abj_policy, session2, version, updated_by)
          select ${toPeriodId}::uuid, path, coefficient, pass_mark, credits, compensates, eliminatory, abj_policy, session2, 1, 'curriculum.period.copied'
            from assessment.rules where period_id = ${fromPeriodId}::uuid
          on conflict (period_id, path) do nothing
          returning 1)
        select count(*)::int as n from inserted`,
  );
  // Every column of an assessment but its id, period and creation time (scales included).
  const sources = await tx
    .select()
    .from(assessments)
    .where(eq(assessments.periodId, fromPeriodId))
    .orderBy(assessments.path, assessments.session, assessments.code);
  let assessmentCount = 0;
  for (let start = 0; start < sources.length; start += BATCH) {
    const inserted = await tx
      .insert(assessments)
      .values(sources.slice(start, start + BATCH).map((row) => ({ ...row, id: randomUUID(), periodId: toPeriodId, createdAt: new Date() })))
      .onConflictDoNothing()
      .returning({ id: assessments.id });
    assessmentCount += inserted.length;
  }
  const report = { fromPeriodId, toPeriodId, rules: Number(copied?.n ?? 0), assessments: assessmentCount };
  await context.publish(tx, assessmentEvents.rulesCopied, report, { subject: toPeriodId, origin: originOfEvent(event) });
}

/**
 * The curriculum's period lifecycle. One consumer with the offer's read model,
 * so that an archive is handled after the validations that came before it.
 */
export function curriculumLifecycle(context: ModuleContext): EventHandler[] {
  return [
    { consumer: 'assessment.offer', event: curriculumEvents.periodArchived.type, handle: (event, tx) => freezeArchivedPeriod(context, tx, event) },
    { consumer: 'assessment.offer', event: curriculumEvents.periodCopied.type, handle: (event, tx) => copyPeriodRules(context, tx, event) },
  ];
}

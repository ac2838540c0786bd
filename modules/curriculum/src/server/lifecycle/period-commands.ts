import { and, count, eq, sql } from 'drizzle-orm';
import { conflict, rowsOf, type ModuleContext, type Origin } from '@pegase/platform';
import { curriculumEvents, type CopyReport } from '../../contract/index.ts';
import { assertPeriodExists } from '../objects/object-rules.ts';
import { lockPeriodGraph } from '../shared/period-lock.ts';
import { objects } from '../shared/tables.ts';

/**
 * Copies a period's whole offer into an empty period, as drafts: new ids,
 * same codes, same links. Two set-based statements, whatever the size; the
 * links are matched by code, which is unique within a period.
 */
export async function copyPeriod(context: ModuleContext, fromPeriodId: string, toPeriodId: string, origin: Origin): Promise<CopyReport> {
  return context.transaction(async (tx) => {
    await assertPeriodExists(tx, fromPeriodId);
    await assertPeriodExists(tx, toPeriodId);
    if (fromPeriodId === toPeriodId) throw conflict('same-period', 'A period cannot be copied onto itself: choose the next period.');
    // Both graphs, always in the same order, so that two copies cannot deadlock.
    for (const id of [fromPeriodId, toPeriodId].sort()) await lockPeriodGraph(tx, id);
    const [target] = await tx.select({ n: count() }).from(objects).where(eq(objects.periodId, toPeriodId));
    if ((target?.n ?? 0) > 0) {
      throw conflict('period-not-empty', `The target period already holds ${target!.n} training objects: a copy goes into an empty period only.`);
    }
    const [copied] = await rowsOf<{ n: number }>(
      tx,
      sql`with inserted as (
            insert into curriculum.objects (id, period_id, code, type, label_fr, label_en, ects, hours, capacity, open_for_choice, enrolment_point,
                                            owner_structure_id, choice_min, choice_max, status, search_text)
            select gen_random_uuid(), ${toPeriodId}::uuid, code, type, label_fr, label_en, ects, hours, capacity, open_for_choice, enrolment_point,
                   owner_structure_id, choice_min, choice_max, 'draft', search_text
              from curriculum.objects where period_id = ${fromPeriodId}::uuid
            returning 1)
          select count(*)::int as n from inserted`,
    );
    const [linked] = await rowsOf<{ n: number }>(
      tx,
      sql`with inserted as (
            insert into curriculum.links (parent_id, child_id, position)
            select np.id, nc.id, l.position
              from curriculum.links l
              join curriculum.objects p on p.id = l.parent_id and p.period_id = ${fromPeriodId}::uuid
              join curriculum.objects c on c.id = l.child_id
              join curriculum.objects np on np.period_id = ${toPeriodId}::uuid and np.code = p.code
              join curriculum.objects nc on nc.period_id = ${toPeriodId}::uuid and nc.code = c.code
            returning 1)
          select count(*)::int as n from inserted`,
    );
    const report: CopyReport = { fromPeriodId, toPeriodId, objects: Number(copied?.n ?? 0), links: Number(linked?.n ?? 0) };
    await context.publish(tx, curriculumEvents.periodCopied, report, { subject: toPeriodId, origin });
    return report;
  });
}

/** Archives a period's offer: read-only from then on, kept for transcripts. */
export async function archivePeriod(context: ModuleContext, periodId: string, origin: Origin): Promise<{ periodId: string; objects: number }> {
  return context.transaction(async (tx) => {
    await assertPeriodExists(tx, periodId);
    await lockPeriodGraph(tx, periodId);
    const archived = await tx
      .update(objects)
      .set({ status: 'archived', version: sql`${objects.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(objects.periodId, periodId), sql`${objects.status} <> 'archived'`))
      .returning({ id: objects.id });
    const result = { periodId, objects: archived.length };
    await context.publish(tx, curriculumEvents.periodArchived, result, { subject: periodId, origin });
    return result;
  });
}

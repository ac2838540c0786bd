import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { conflict, notFound, ruleProblem, type ModuleContext, type Origin, type Transaction } from '@pegase/platform';
import { assessmentEvents, type CreateJury, type Jury, type PutJuryPoints } from '../../contract/index.ts';
import { formatThousandths, parseThousandths } from '../engine/index.ts';
import { assertOwnsObject } from '../shared/access.ts';
import { cursus, juries, juryPoints, objects, results } from '../shared/tables.ts';
import { storeResults } from './deliberation.ts';
import { announceLearnerResults } from './published-results.ts';

type JuryRow = typeof juries.$inferSelect;

export async function toJury(tx: Transaction, row: JuryRow): Promise<Jury> {
  const [{ count } = { count: 0 }] = await tx
    .select({ count: sql<number>`count(*)`.mapWith(Number) })
    .from(results)
    .where(eq(results.juryId, row.id));
  return {
    id: row.id,
    formationId: row.formationId,
    periodId: row.periodId,
    session: row.session as 1 | 2,
    status: row.status,
    deliberatedAt: row.deliberatedAt?.toISOString() ?? null,
    deliberatedBy: row.deliberatedBy,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    publishedBy: row.publishedBy,
    results: count,
  };
}

/** A jury in the caller's scope (its formation's owner), locked for a change. */
export async function juryInScope(tx: Transaction, id: string, origin: Origin, what: string, lock = true): Promise<JuryRow> {
  const query = tx.select().from(juries).where(eq(juries.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (row === undefined) throw notFound('Jury', id);
  await assertOwnsObject(tx, origin.scope, row.formationId, what);
  return row;
}

const actorOf = (origin: Origin) => origin.actor.login ?? origin.actor.subject;

export async function createJury(context: ModuleContext, body: CreateJury, origin: Origin): Promise<Jury> {
  return context.transaction(async (tx) => {
    const [formation] = await tx.select().from(objects).where(eq(objects.id, body.formationId));
    if (formation === undefined || formation.formationId !== formation.id || formation.periodId !== body.periodId) {
      throw notFound(`Validated formation of period ${body.periodId}:`, body.formationId);
    }
    await assertOwnsObject(tx, origin.scope, formation.id, 'hold the jury of this formation');
    const [row] = await tx
      .insert(juries)
      .values({ id: randomUUID(), formationId: body.formationId, periodId: body.periodId, session: body.session, status: 'open' })
      .onConflictDoNothing()
      .returning();
    if (row === undefined) throw conflict('duplicate', `The formation already has its jury of session ${body.session} for this period.`);
    return toJury(tx, row);
  });
}

function assertOpen(jury: JuryRow): void {
  if (jury.status !== 'open') throw conflict('jury-deliberated', `The jury has deliberated (${jury.status}): its results are frozen.`);
}

/** Points a jury adds to a node's mark before its decision; 0 takes them back. Audited as a change of the results' rules. */
export async function putJuryPoints(context: ModuleContext, id: string, body: PutJuryPoints, origin: Origin): Promise<Jury> {
  const points = parseThousandths(body.points);
  if (points === undefined || points > 20_000) {
    throw ruleProblem('invalid-points', 'Jury points are from 0 to 20 with at most 3 decimals.', [{ in: 'body', field: '/points', message: 'from 0 to 20' }]);
  }
  return context.transaction(async (tx) => {
    const jury = await juryInScope(tx, id, origin, 'give points in this jury');
    assertOpen(jury);
    const [learning] = await tx.select().from(cursus).where(eq(cursus.enrolmentId, body.enrolmentId));
    if (learning === undefined || learning.periodId !== jury.periodId) throw notFound('Cursus of enrolment', body.enrolmentId);
    const key = and(eq(juryPoints.juryId, id), eq(juryPoints.enrolmentId, body.enrolmentId), eq(juryPoints.path, body.path));
    if (points === 0) await tx.delete(juryPoints).where(key);
    else
      await tx
        .insert(juryPoints)
        .values({ juryId: id, enrolmentId: body.enrolmentId, path: body.path, points: formatThousandths(points) })
        .onConflictDoUpdate({ target: [juryPoints.juryId, juryPoints.enrolmentId, juryPoints.path], set: { points: formatThousandths(points) } });
    await context.publish(
      tx,
      assessmentEvents.juryPointsChanged,
      { juryId: id, enrolmentId: body.enrolmentId, path: body.path, points: formatThousandths(points) },
      { subject: id, origin, before: null },
    );
    return toJury(tx, jury);
  });
}

/**
 * Deliberation: the results of every learner whose enrolment point belongs
 * to the formation, computed with the jury's points, stored with their
 * ranks and frozen (later marks change nothing of them). Set-based: see
 * deliberation.ts; its figures are logged for the operators.
 */
export async function deliberate(context: ModuleContext, id: string, origin: Origin): Promise<Jury> {
  return context.transaction(async (tx) => {
    const jury = await juryInScope(tx, id, origin, 'deliberate in this jury');
    assertOpen(jury);
    const figures = await storeResults(tx, jury);
    context.logger.info({ juryId: id, ...figures }, 'jury deliberated');
    const [row] = await tx
      .update(juries)
      .set({ status: 'deliberated', deliberatedAt: new Date(), deliberatedBy: actorOf(origin) })
      .where(eq(juries.id, id))
      .returning();
    const shownJury = await toJury(tx, row!);
    await context.publish(tx, assessmentEvents.resultsDeliberated, shownJury, { subject: id, origin, before: null });
    return shownJury;
  });
}

export async function publish(context: ModuleContext, id: string, origin: Origin): Promise<Jury> {
  return context.transaction(async (tx) => {
    const jury = await juryInScope(tx, id, origin, 'publish the results of this jury');
    if (jury.status === 'open') throw conflict('jury-not-deliberated', 'The jury has not deliberated: results are published once deliberated.');
    if (jury.status === 'published') return toJury(tx, jury);
    const [row] = await tx
      .update(juries)
      .set({ status: 'published', publishedAt: new Date(), publishedBy: actorOf(origin) })
      .where(eq(juries.id, id))
      .returning();
    const shownJury = await toJury(tx, row!);
    await context.publish(tx, assessmentEvents.resultsPublished, shownJury, { subject: id, origin, before: null });
    // Each learner's result on its own, for the documents module (transcripts, pass certificates).
    await announceLearnerResults(context, tx, row!, origin);
    return shownJury;
  });
}

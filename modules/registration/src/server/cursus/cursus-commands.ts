import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { conflict, ruleProblem, type ModuleContext, type Origin, type Transaction } from '@pegase/platform';
import { registrationEvents, type Cursus, type PutChoices } from '../../contract/index.ts';
import { choiceErrors, nodesToAdd, type TreeNodeOf } from '../choices/choice-rules.ts';
import { offerFreeSeats, releaseSeat, takeSeat, type Offer } from '../choices/seats.ts';
import { choiceWindows, cursus, entries, objects, paths } from '../shared/tables.ts';
import { lockedEnrolment, type EnrolmentRow, type Requester } from './cursus-access.ts';
import { cursusOf, windowOf } from './cursus-queries.ts';

/** The nodes of the offer at and below `start` (a path of the period), each with whether it is a grouping. */
async function subtree(tx: Transaction, periodId: string, start: string): Promise<Map<string | null, TreeNodeOf[]>> {
  const rows = await tx
    .select({ path: paths.path, parentPath: paths.parentPath, objectId: paths.objectId, grouping: sql<boolean>`${objects.choiceMin} is not null` })
    .from(paths)
    .innerJoin(objects, eq(objects.id, paths.objectId))
    .where(and(eq(paths.periodId, periodId), sql`(${paths.path} = ${start} or starts_with(${paths.path}, ${`${start}>`}))`))
    .orderBy(asc(paths.depth), asc(paths.position));
  const byParent = new Map<string | null, TreeNodeOf[]>();
  for (const row of rows) {
    const key = row.path === start ? null : row.parentPath;
    byParent.set(key, [...(byParent.get(key) ?? []), { ...row, grouping: Boolean(row.grouping) }]);
  }
  return byParent;
}

/** Adds a node and what it holds outside groupings to a cursus. */
async function addNodes(
  tx: Transaction,
  enrolmentId: string,
  start: TreeNodeOf,
  below: Map<string | null, TreeNodeOf[]>,
  kind: 'point' | 'mandatory' | 'chosen',
  chosenBy: 'learner' | 'staff' | null,
  holdsSeat: boolean,
) {
  const nodes = nodesToAdd(start, (path) => below.get(path) ?? []);
  await tx
    .insert(entries)
    .values(
      nodes.map((node, index) => ({
        enrolmentId,
        path: node.path,
        parentPath: node.parentPath,
        objectId: node.objectId,
        kind: index === 0 ? kind : kind === 'point' ? ('mandatory' as const) : kind,
        status: 'registered' as const,
        chosenBy,
        holdsSeat: index === 0 && holdsSeat,
      })),
    )
    .onConflictDoNothing();
}

/** Bumps the cursus's version and announces it whole (assessment builds its mark sheets from it). */
export async function announce(context: ModuleContext, tx: Transaction, enrolmentId: string, origin: Origin): Promise<Cursus> {
  await tx
    .update(cursus)
    .set({ version: sql`${cursus.version} + 1`, updatedAt: sql`now()` })
    .where(eq(cursus.enrolmentId, enrolmentId));
  const current = await cursusOf(tx, enrolmentId);
  await context.publish(
    tx,
    registrationEvents.cursusChanged,
    { enrolmentId, learnerId: current.learnerId, periodId: current.periodId, pointId: current.pointId, entries: current.entries, version: current.version },
    { subject: enrolmentId, origin, before: null },
  );
  return current;
}

/** Seats freed: offered to the first waiting learners, each told (the offer, and their cursus changed). */
async function offerFreed(context: ModuleContext, tx: Transaction, objectIds: string[], origin: Origin): Promise<void> {
  const offers: Offer[] = [];
  for (const objectId of [...new Set(objectIds)].sort()) offers.push(...(await offerFreeSeats(tx, objectId)));
  for (const offer of offers) {
    const current = await announce(context, tx, offer.enrolmentId, origin);
    await context.publish(tx, registrationEvents.seatOffered, { ...offer, learnerId: current.learnerId }, { subject: offer.enrolmentId, origin, before: null });
  }
}

/**
 * A validated enrolment gets its cursus: the enrolment point and every
 * object below it outside groupings, whose children are left for choice.
 * Idempotent: a cursus already built stays as it is.
 */
export async function buildCursus(context: ModuleContext, tx: Transaction, enrolment: EnrolmentRow, origin: Origin): Promise<void> {
  const created = await tx.insert(cursus).values({ enrolmentId: enrolment.id }).onConflictDoNothing().returning();
  if (created.length === 0) return;
  const [first] = await tx
    .select({ path: paths.path })
    .from(paths)
    .where(and(eq(paths.periodId, enrolment.periodId), eq(paths.objectId, enrolment.pointId)))
    .orderBy(asc(paths.path))
    .limit(1);
  if (first === undefined) {
    context.logger.warn(
      { enrolmentId: enrolment.id, pointId: enrolment.pointId },
      'registration: the enrolment point is not in the validated offer; the cursus starts empty',
    );
  } else {
    const below = await subtree(tx, enrolment.periodId, first.path);
    const start = below.get(null)?.[0];
    if (start !== undefined) await addNodes(tx, enrolment.id, start, below, 'point', null, false);
  }
  await announce(context, tx, enrolment.id, origin);
}

/** A cancelled enrolment loses its cursus: its seats go to the waiting lists, its own waiting entries leave them. */
export async function removeCursus(context: ModuleContext, tx: Transaction, enrolment: EnrolmentRow, origin: Origin): Promise<void> {
  const removed = await tx.delete(entries).where(eq(entries.enrolmentId, enrolment.id)).returning({ objectId: entries.objectId, holdsSeat: entries.holdsSeat });
  const existed = await tx.delete(cursus).where(eq(cursus.enrolmentId, enrolment.id)).returning();
  if (existed.length === 0) return;
  const freed = removed.filter((entry) => entry.holdsSeat).map((entry) => entry.objectId);
  for (const objectId of [...freed].sort()) await releaseSeat(tx, objectId);
  await context.publish(
    tx,
    registrationEvents.cursusChanged,
    {
      enrolmentId: enrolment.id,
      learnerId: enrolment.learnerId,
      periodId: enrolment.periodId,
      pointId: enrolment.pointId,
      entries: [],
      version: existed[0]!.version + 1,
    },
    { subject: enrolment.id, origin, before: null },
  );
  await offerFreed(context, tx, freed, origin);
}

/** Students choose while their formation's window is open; staff at any time. */
async function assertWindowOpen(tx: Transaction, enrolment: EnrolmentRow): Promise<void> {
  const [row] = await tx
    .select({ window: choiceWindows, formation: objects.formationId })
    .from(objects)
    .leftJoin(choiceWindows, eq(choiceWindows.formationId, objects.formationId))
    .where(eq(objects.id, enrolment.pointId));
  const window = windowOf(row?.window ?? undefined);
  if (window === null) throw conflict('choice-window-closed', 'Choices are not open for your formation yet: the scolarité has not set their dates.');
  if (!window.open) {
    const when = new Date() < new Date(window.opensAt) ? `open on ${window.opensAt}` : `closed on ${window.closesAt}`;
    throw conflict('choice-window-closed', `Choices for your formation ${when}. The scolarité can still change your choices.`);
  }
}

/**
 * Sets the whole choice of a grouping: between its min and max children,
 * none newly chosen closed. Children dropped leave with what they held and
 * free their seats (offered to the waiting lists); children added take a
 * seat, or join the waiting list of a full object.
 */
export async function chooseInGrouping(context: ModuleContext, enrolmentId: string, body: PutChoices, requester: Requester, origin: Origin): Promise<Cursus> {
  return context.transaction(async (tx) => {
    const enrolment = await lockedEnrolment(tx, enrolmentId, requester, 'choose in this cursus');
    if (requester.kind === 'self') await assertWindowOpen(tx, enrolment);
    const [grouping] = await tx
      .select({ entry: entries, object: objects })
      .from(entries)
      .innerJoin(objects, eq(objects.id, entries.objectId))
      .where(and(eq(entries.enrolmentId, enrolmentId), eq(entries.path, body.grouping)));
    if (grouping === undefined || grouping.entry.status !== 'registered' || grouping.object.choiceMin === null || grouping.object.choiceMax === null) {
      throw ruleProblem('not-a-grouping', `${body.grouping} is not a grouping of this cursus: choose in one of the groupings the cursus lists.`, [
        { in: 'body', field: '/grouping', message: 'not a grouping of this cursus' },
      ]);
    }
    const below = await subtree(tx, enrolment.periodId, body.grouping);
    const children = (below.get(body.grouping) ?? []).map((node) => node);
    const childObjects = new Map(
      (
        await tx
          .select({ id: objects.id, code: objects.code, openForChoice: objects.openForChoice })
          .from(objects)
          .where(inArray(objects.id, children.map((child) => child.objectId).concat(grouping.object.id)))
      ).map((row) => [row.id, row]),
    );
    const current = await tx
      .select()
      .from(entries)
      .where(and(eq(entries.enrolmentId, enrolmentId), eq(entries.parentPath, body.grouping)));
    const currentPaths = new Set(current.map((entry) => entry.path));
    const errors = choiceErrors(
      { path: body.grouping, code: grouping.object.code, min: grouping.object.choiceMin, max: grouping.object.choiceMax },
      children.map((child) => ({
        path: child.path,
        code: childObjects.get(child.objectId)?.code ?? child.path,
        openForChoice: childObjects.get(child.objectId)?.openForChoice ?? false,
      })),
      body.children,
      currentPaths,
    );
    if (errors.length > 0) throw ruleProblem('invalid-choice', `${errors[0]!.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`, errors);

    const requested = new Set(body.children);
    // Dropped children leave with everything below them.
    const freed: string[] = [];
    for (const entry of current.filter((row) => !requested.has(row.path))) {
      const gone = await tx
        .delete(entries)
        .where(and(eq(entries.enrolmentId, enrolmentId), sql`(${entries.path} = ${entry.path} or starts_with(${entries.path}, ${`${entry.path}>`}))`))
        .returning({ objectId: entries.objectId, holdsSeat: entries.holdsSeat });
      freed.push(...gone.filter((row) => row.holdsSeat).map((row) => row.objectId));
    }
    // Seats in the order of their objects: two learners swapping choices take the rows' locks in the same order.
    const added = children.filter((child) => requested.has(child.path) && !currentPaths.has(child.path)).sort((a, b) => a.objectId.localeCompare(b.objectId));
    const chosenBy = requester.kind === 'self' ? 'learner' : 'staff';
    for (const child of added) {
      const seat = await takeSeat(tx, child.objectId);
      if (seat === 'full') {
        await tx.insert(entries).values({
          enrolmentId,
          path: child.path,
          parentPath: body.grouping,
          objectId: child.objectId,
          kind: 'chosen',
          status: 'waiting',
          chosenBy,
          waitingSince: sql`clock_timestamp()` as unknown as Date,
        });
      } else {
        await addNodes(tx, enrolmentId, child, below, 'chosen', chosenBy, seat === 'taken');
      }
    }
    for (const objectId of [...freed].sort()) await releaseSeat(tx, objectId);
    await offerFreed(context, tx, freed, origin);
    return announce(context, tx, enrolmentId, origin);
  });
}

/** The learner (or staff) accepts a seat held for them — it becomes theirs, with what the object holds — or declines it for the next in line. */
export async function answerOffer(
  context: ModuleContext,
  enrolmentId: string,
  path: string,
  accept: boolean,
  requester: Requester,
  origin: Origin,
): Promise<Cursus> {
  return context.transaction(async (tx) => {
    const enrolment = await lockedEnrolment(tx, enrolmentId, requester, 'answer an offer in this cursus');
    const [entry] = await tx
      .select()
      .from(entries)
      .where(and(eq(entries.enrolmentId, enrolmentId), eq(entries.path, path)))
      .for('update');
    if (entry === undefined || entry.status !== 'offered') {
      throw conflict('no-offer', `No seat is held for this cursus at ${path}: an offer is answered once, while it stands.`);
    }
    if (accept) {
      await tx
        .update(entries)
        .set({ status: 'registered' })
        .where(and(eq(entries.enrolmentId, enrolmentId), eq(entries.path, path)));
      const below = await subtree(tx, enrolment.periodId, path);
      const start = below.get(null)?.[0];
      if (start !== undefined) await addNodes(tx, enrolmentId, start, below, 'chosen', entry.chosenBy, true);
    } else {
      await tx.delete(entries).where(and(eq(entries.enrolmentId, enrolmentId), eq(entries.path, path)));
      await releaseSeat(tx, entry.objectId);
      await offerFreed(context, tx, [entry.objectId], origin);
    }
    return announce(context, tx, enrolmentId, origin);
  });
}

import { and, asc, eq, sql } from 'drizzle-orm';
import { rowsOf, type Transaction } from '@pegase/platform';
import { entries, seats } from '../shared/tables.ts';

export type SeatOutcome = 'unlimited' | 'taken' | 'full';

/**
 * Takes a seat of an object: a conditional increment of its seats row. Two
 * choosers of the last seat are serialised by the row's lock and PostgreSQL
 * checks the condition again for the second, who finds it full: no
 * overbooking, whatever the concurrency. An object without a capacity has no
 * row and no limit.
 */
export async function takeSeat(tx: Transaction, objectId: string): Promise<SeatOutcome> {
  const taken = await rowsOf(tx, sql`update ${seats} set taken = taken + 1 where object_id = ${objectId} and taken < capacity returning taken`);
  if (taken.length > 0) return 'taken';
  const [limited] = await tx.select({ objectId: seats.objectId }).from(seats).where(eq(seats.objectId, objectId));
  return limited === undefined ? 'unlimited' : 'full';
}

export async function releaseSeat(tx: Transaction, objectId: string): Promise<void> {
  await tx.execute(sql`update ${seats} set taken = taken - 1 where object_id = ${objectId} and taken > 0`);
}

export interface Offer {
  enrolmentId: string;
  path: string;
  objectId: string;
}

/**
 * While the object has a free seat and learners wait for it, the first of
 * its waiting list (the longest waiting) is offered one: the seat is held
 * for them until they accept or decline. A waiting entry another
 * transaction is changing is skipped (it may be leaving the list).
 */
export async function offerFreeSeats(tx: Transaction, objectId: string): Promise<Offer[]> {
  const offers: Offer[] = [];
  for (;;) {
    const [next] = await tx
      .select({ enrolmentId: entries.enrolmentId, path: entries.path })
      .from(entries)
      .where(and(eq(entries.objectId, objectId), eq(entries.status, 'waiting')))
      .orderBy(asc(entries.waitingSince), asc(entries.enrolmentId), asc(entries.path))
      .limit(1)
      .for('update', { skipLocked: true });
    if (next === undefined) return offers;
    if ((await takeSeat(tx, objectId)) === 'full') return offers;
    await tx
      .update(entries)
      .set({ status: 'offered', holdsSeat: true, offeredAt: sql`now()` as unknown as Date })
      .where(and(eq(entries.enrolmentId, next.enrolmentId), eq(entries.path, next.path)));
    offers.push({ ...next, objectId });
  }
}

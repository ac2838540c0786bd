import { and, eq } from 'drizzle-orm';
import { notFound, ruleProblem, type ModuleContext, type Origin } from '@pegase/platform';
import type { Arrangement, Cursus } from '../../contract/index.ts';
import { lockedEnrolment, type Requester } from '../cursus/cursus-access.ts';
import { announce } from '../cursus/cursus-commands.ts';
import { arrangements, entries } from '../shared/tables.ts';

type EntryChange = { exemptionReason: string | null } | { carriedMark: string | null; carriedFrom: string | null };

/**
 * Records an exemption or a credit carried over on one entry of a cursus
 * (or lifts it), audited and announced with the whole cursus. The enrolment
 * point itself is neither; an entry is one or the other.
 */
async function changeEntry(
  context: ModuleContext,
  enrolmentId: string,
  path: string,
  change: EntryChange,
  requester: Requester,
  origin: Origin,
): Promise<Cursus> {
  return context.transaction(async (tx) => {
    await lockedEnrolment(tx, enrolmentId, requester, 'change this cursus');
    const [entry] = await tx
      .select()
      .from(entries)
      .where(and(eq(entries.enrolmentId, enrolmentId), eq(entries.path, path)))
      .for('update');
    if (entry === undefined) throw notFound('Entry of the cursus', path);
    const field = [{ in: 'body', field: '/path', message: 'not an entry that can carry it' }];
    if (entry.kind === 'point') throw ruleProblem('invalid-entry', `${path} is the enrolment point: exempt or credit the objects below it.`, field);
    if (entry.status !== 'registered')
      throw ruleProblem('invalid-entry', `${path} is ${entry.status}: only an object the learner follows is exempted or credited.`, field);
    if ('exemptionReason' in change && change.exemptionReason !== null && entry.carriedMark !== null) {
      throw ruleProblem('invalid-entry', `${path} is already acquired from ${entry.carriedFrom}: lift the credit carried over first.`, field);
    }
    if ('carriedMark' in change && change.carriedMark !== null && entry.exemptionReason !== null) {
      throw ruleProblem('invalid-entry', `${path} is exempted: lift the exemption first.`, field);
    }
    await tx
      .update(entries)
      .set(change)
      .where(and(eq(entries.enrolmentId, enrolmentId), eq(entries.path, path)));
    return announce(context, tx, enrolmentId, origin);
  });
}

export const setExemption = (context: ModuleContext, enrolmentId: string, path: string, reason: string | null, requester: Requester, origin: Origin) =>
  changeEntry(context, enrolmentId, path, { exemptionReason: reason }, requester, origin);

export const setCarriedCredit = (
  context: ModuleContext,
  enrolmentId: string,
  path: string,
  credit: { mark: string; fromPeriod: string } | null,
  requester: Requester,
  origin: Origin,
) => changeEntry(context, enrolmentId, path, { carriedMark: credit?.mark ?? null, carriedFrom: credit?.fromPeriod ?? null }, requester, origin);

/** The special arrangements of a cursus, replaced as a whole. */
export async function setArrangements(context: ModuleContext, enrolmentId: string, list: Arrangement[], requester: Requester, origin: Origin): Promise<Cursus> {
  const codes = list.map((item) => item.code);
  const twice = codes.find((code, index) => codes.indexOf(code) !== index);
  if (twice !== undefined)
    throw ruleProblem('invalid-arrangements', `${twice} is given twice: one line per arrangement.`, [
      { in: 'body', field: '/arrangements', message: `${twice} twice` },
    ]);
  return context.transaction(async (tx) => {
    await lockedEnrolment(tx, enrolmentId, requester, 'change this cursus');
    await tx.delete(arrangements).where(eq(arrangements.enrolmentId, enrolmentId));
    if (list.length > 0) await tx.insert(arrangements).values(list.map((item) => ({ enrolmentId, code: item.code, details: item.details ?? '' })));
    return announce(context, tx, enrolmentId, origin);
  });
}

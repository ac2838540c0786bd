import { and, eq, sql } from 'drizzle-orm';
import { notFound, type Principal, type Transaction } from '@pegase/platform';
import { enrolments, learners } from '../shared/tables.ts';
import type { EnrolmentRow } from './enrolment-mapper.ts';

/**
 * The signed-in student's enrolment, locked for a change, or 404: never
 * another learner's, whose existence is not told. One statement: the
 * enrolment and the check that its learner is the signed-in one.
 */
export async function ownEnrolment(tx: Transaction, principal: Principal | null, id: string): Promise<EnrolmentRow> {
  if (!principal?.learnerCode) throw notFound('Enrolment', id);
  const [row] = await tx
    .select()
    .from(enrolments)
    .where(
      and(eq(enrolments.id, id), sql`${enrolments.learnerId} in (select ${learners.id} from ${learners} where ${learners.code} = ${principal.learnerCode})`),
    )
    .for('update');
  if (row === undefined) throw notFound('Enrolment', id);
  return row;
}

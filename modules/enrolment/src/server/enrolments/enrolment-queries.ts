import { and, eq, sql, type SQL } from 'drizzle-orm';
import { decodeCursor, keysetAfter, keysetOrderBy, notFound, parseSort, toPage, type Executor, type Scope } from '@pegase/platform';
import type { Enrolment } from '../../contract/index.ts';
import { documentRequirements, documents, enrolmentPoints, enrolments } from '../shared/tables.ts';
import { toEnrolment } from './enrolment-mapper.ts';
import { assertManagesPoint, pointsWithin } from './enrolment-scope.ts';

export interface EnrolmentListQuery {
  limit: number;
  cursor?: string | undefined;
  sort: string;
  status?: Enrolment['status'] | undefined;
  paymentStatus?: Enrolment['paymentStatus'] | undefined;
  pointId?: string | undefined;
  periodId?: string | undefined;
  learnerId?: string | undefined;
  documents?: 'to-review' | 'missing' | 'complete' | undefined;
}

/** A mandatory requirement of the enrolment with no document in one of these states. */
const mandatoryWithout = (states: string[]) => sql`exists (
  select 1 from ${documentRequirements} r
   where r.mandatory
     and (r.point_id is null or r.point_id = ${enrolments.pointId})
     and (r.regime is null or r.regime = ${enrolments.regime})
     and (r.profile is null or r.profile = any(${enrolments.profiles}))
     and not exists (select 1 from ${documents} d
                      where d.enrolment_id = ${enrolments.id} and d.document_type = r.document_type
                        and d.status = any(${sql.param(states)}::text[])))`;

/** The enrolments whose documents are in this state, as the back office sorts its work. */
function documentsCondition(state: EnrolmentListQuery['documents']): SQL | undefined {
  if (state === 'to-review') return sql`exists (select 1 from ${documents} d where d.enrolment_id = ${enrolments.id} and d.status = 'submitted')`;
  if (state === 'missing') return mandatoryWithout(['submitted', 'accepted']);
  if (state === 'complete') return sql`not ${mandatoryWithout(['accepted'])}`;
  return undefined;
}

/** The back-office queue: filters, oldest first by default, only the points within the caller's scope. */
export async function listEnrolments(db: Executor, scope: Scope, query: EnrolmentListQuery) {
  const sort = parseSort(query.sort);
  const order = { column: enrolments.createdAt, id: enrolments.id, descending: sort.descending };
  const after = decodeCursor(query.cursor, query.sort);
  const conditions: (SQL | undefined)[] = [
    query.status === undefined ? undefined : eq(enrolments.status, query.status),
    query.paymentStatus === undefined ? undefined : eq(enrolments.paymentStatus, query.paymentStatus),
    query.pointId === undefined ? undefined : eq(enrolments.pointId, query.pointId),
    query.periodId === undefined ? undefined : eq(enrolments.periodId, query.periodId),
    query.learnerId === undefined ? undefined : eq(enrolments.learnerId, query.learnerId),
    documentsCondition(query.documents),
    pointsWithin(scope),
  ];
  const rows = await db
    .select()
    .from(enrolments)
    .where(and(...conditions, keysetAfter(order, after)))
    .orderBy(...keysetOrderBy(order))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, query.sort, (row) => row.createdAt.toISOString(), toEnrolment);
}

export async function getEnrolment(db: Executor, scope: Scope, id: string): Promise<Enrolment> {
  const [row] = await db.select().from(enrolments).where(eq(enrolments.id, id));
  if (row === undefined) throw notFound('Enrolment', id);
  const [point] = await db.select({ owner: enrolmentPoints.ownerStructureId }).from(enrolmentPoints).where(eq(enrolmentPoints.objectId, row.pointId));
  await assertManagesPoint(db, scope, point?.owner ?? null, 'read this enrolment');
  return toEnrolment(row);
}

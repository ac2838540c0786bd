import { and, eq, gte, isNull, lte, ne, type SQL } from 'drizzle-orm';
import { decodeCursor, keysetAfter, keysetOrderBy, notFound, parseSort, toPage, type Executor } from '@pegase/platform';
import type { Period } from '../../contract/index.ts';
import { periods } from '../shared/tables.ts';
import { toPeriod, type PeriodRow } from './period-mapper.ts';
import type { DateRange } from './period-rules.ts';

export interface PeriodListQuery {
  limit: number;
  cursor?: string | undefined;
  sort: string;
  type?: string | undefined;
  parentId?: string | undefined;
  at?: string | undefined;
}

const sortColumns = { startDate: periods.startDate, code: periods.code } as const;

export async function listPeriods(db: Executor, query: PeriodListQuery) {
  const sort = parseSort(query.sort);
  const column = sortColumns[sort.field as keyof typeof sortColumns];
  const order = { column, id: periods.id, descending: sort.descending };
  const after = decodeCursor(query.cursor, query.sort);
  const rows = await db
    .select()
    .from(periods)
    .where(and(...filters(query), keysetAfter(order, after)))
    .orderBy(...keysetOrderBy(order))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, query.sort, (row) => (sort.field === 'code' ? row.code : row.startDate), toPeriod);
}

function filters(query: PeriodListQuery): (SQL | undefined)[] {
  return [
    query.type === undefined ? undefined : eq(periods.type, query.type),
    query.parentId === 'none' ? isNull(periods.parentId) : query.parentId === undefined ? undefined : eq(periods.parentId, query.parentId),
    // Both days are part of the period.
    query.at === undefined ? undefined : and(lte(periods.startDate, query.at), gte(periods.endDate, query.at)),
  ];
}

export async function findPeriodRow(db: Executor, id: string, options: { forUpdate?: boolean } = {}): Promise<PeriodRow | undefined> {
  const query = db.select().from(periods).where(eq(periods.id, id));
  const [row] = options.forUpdate === true ? await query.for('update') : await query;
  return row;
}

export async function getPeriod(db: Executor, id: string): Promise<Period> {
  const row = await findPeriodRow(db, id);
  if (row === undefined) throw notFound('Period', id);
  return toPeriod(row);
}

/**
 * The first period that shares a day with `range`: academic years among
 * themselves (`parentId` null), or sub-periods of one type under one parent.
 * `exceptId` leaves out the period being changed.
 */
export async function findOverlapping(
  db: Executor,
  range: DateRange,
  among: { type: string; parentId: string | null; exceptId?: string | undefined },
): Promise<PeriodRow | undefined> {
  const [row] = await db
    .select()
    .from(periods)
    .where(
      and(
        eq(periods.type, among.type),
        among.parentId === null ? isNull(periods.parentId) : eq(periods.parentId, among.parentId),
        lte(periods.startDate, range.endDate),
        gte(periods.endDate, range.startDate),
        among.exceptId === undefined ? undefined : ne(periods.id, among.exceptId),
      ),
    )
    .orderBy(periods.startDate, periods.id)
    .limit(1);
  return row;
}

export async function listSubPeriodRows(db: Executor, parentId: string): Promise<PeriodRow[]> {
  return db.select().from(periods).where(eq(periods.parentId, parentId)).orderBy(periods.startDate, periods.id);
}

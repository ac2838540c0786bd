import { and, asc, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import { decodeCursor, keysetAfter, keysetOrderBy, notFound, parseSort, toPage, type Executor } from '@pegase/platform';
import type { ObjectType, TrainingObject } from '../../contract/index.ts';
import { objects, objectTypes } from '../shared/tables.ts';
import { foldForSearch } from '../shared/search-text.ts';
import { toTrainingObject, type ObjectRow } from './object-mapper.ts';

export interface ObjectListQuery {
  limit: number;
  cursor?: string | undefined;
  sort: string;
  periodId?: string | undefined;
  type?: string | undefined;
  status?: 'draft' | 'validated' | 'archived' | undefined;
  ownerStructureId?: string | undefined;
  q?: string | undefined;
}

const sortColumns = { code: objects.code, label: objects.labelFr } as const;

/**
 * Lists objects; with `q`, the best matches first (trigram similarity of the
 * folded code and labels, the GIN index answering), which a cursor does not
 * page: the search answers one page of the closest objects.
 */
export async function listObjects(db: Executor, query: ObjectListQuery) {
  const conditions: (SQL | undefined)[] = [
    query.periodId === undefined ? undefined : eq(objects.periodId, query.periodId),
    query.type === undefined ? undefined : eq(objects.type, query.type),
    query.status === undefined ? undefined : eq(objects.status, query.status),
    query.ownerStructureId === undefined ? undefined : eq(objects.ownerStructureId, query.ownerStructureId),
  ];
  if (query.q !== undefined) {
    const folded = foldForSearch(query.q);
    const contains = `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = await db
      .select()
      .from(objects)
      .where(and(...conditions, or(sql`${objects.searchText} like ${contains}`, sql`${folded} operator(public.<%) ${objects.searchText}`)))
      .orderBy(desc(sql`(${objects.searchText} like ${contains})`), desc(sql`public.word_similarity(${folded}, ${objects.searchText})`), asc(objects.code))
      .limit(query.limit);
    return { items: rows.map(toTrainingObject), nextCursor: null };
  }
  const sort = parseSort(query.sort);
  const column = sortColumns[sort.field as keyof typeof sortColumns];
  const order = { column, id: objects.id, descending: sort.descending };
  const after = decodeCursor(query.cursor, query.sort);
  const rows = await db
    .select()
    .from(objects)
    .where(and(...conditions, keysetAfter(order, after)))
    .orderBy(...keysetOrderBy(order))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, query.sort, (row) => (sort.field === 'code' ? row.code : row.labelFr), toTrainingObject);
}

export async function findObjectRow(db: Executor, id: string, options: { forUpdate?: boolean } = {}): Promise<ObjectRow | undefined> {
  const query = db.select().from(objects).where(eq(objects.id, id));
  const [row] = options.forUpdate === true ? await query.for('update') : await query;
  return row;
}

export async function getObject(db: Executor, id: string): Promise<TrainingObject> {
  const row = await findObjectRow(db, id);
  if (row === undefined) throw notFound('Training object', id);
  return toTrainingObject(row);
}

export async function listObjectTypes(db: Executor): Promise<ObjectType[]> {
  const rows = await db.select().from(objectTypes).orderBy(desc(objectTypes.builtin), asc(objectTypes.code));
  return rows.map((row) => ({
    code: row.code,
    labels: row.labelEn === null ? { fr: row.labelFr } : { fr: row.labelFr, en: row.labelEn },
    grouping: row.grouping,
    builtin: row.builtin,
  }));
}

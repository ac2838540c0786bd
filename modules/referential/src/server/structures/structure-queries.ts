import { and, eq, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { decodeCursor, keysetAfter, keysetOrderBy, notFound, parseSort, toPage, type Executor } from '@pegase/platform';
import type { Structure } from '../../contract/index.ts';
import { structures } from '../shared/tables.ts';
import { containsText } from '../shared/text-search.ts';
import { toStructure, type StructureRow } from './structure-mapper.ts';

export interface StructureListQuery {
  limit: number;
  cursor?: string | undefined;
  sort: string;
  parentId?: string | undefined;
  within?: string | undefined;
  type?: string | undefined;
  q?: string | undefined;
  open?: boolean | undefined;
  englishLabel?: boolean | undefined;
}

const sortColumns = { code: structures.code, label: structures.labelFr } as const;

export async function listStructures(db: Executor, query: StructureListQuery) {
  const sort = parseSort(query.sort);
  const column = sortColumns[sort.field as keyof typeof sortColumns];
  const order = { column, id: structures.id, descending: sort.descending };
  const after = decodeCursor(query.cursor, query.sort);
  const rows = await db
    .select()
    .from(structures)
    .where(and(...filters(query), keysetAfter(order, after)))
    .orderBy(...keysetOrderBy(order))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, query.sort, (row) => (sort.field === 'code' ? row.code : row.labelFr), toStructure);
}

function filters(query: StructureListQuery): (SQL | undefined)[] {
  return [
    query.parentId === 'none' ? isNull(structures.parentId) : query.parentId === undefined ? undefined : eq(structures.parentId, query.parentId),
    // Containment on the GIN-indexed ancestor array: the whole subtree in one probe.
    query.within === undefined ? undefined : or(eq(structures.id, query.within), sql`${structures.ancestorIds} @> array[${query.within}]::uuid[]`),
    query.type === undefined ? undefined : eq(structures.type, query.type),
    query.q === undefined ? undefined : containsText(query.q, structures.code, structures.labelFr, structures.labelEn),
    query.open === undefined
      ? undefined
      : query.open
        ? or(isNull(structures.closedOn), sql`${structures.closedOn} >= current_date`)
        : lt(structures.closedOn, sql`current_date`),
    query.englishLabel === undefined ? undefined : query.englishLabel ? isNotNull(structures.labelEn) : isNull(structures.labelEn),
  ];
}

export async function findStructureRow(db: Executor, id: string, options: { forUpdate?: boolean } = {}): Promise<StructureRow | undefined> {
  const query = db.select().from(structures).where(eq(structures.id, id));
  const [row] = options.forUpdate === true ? await query.for('update') : await query;
  return row;
}

export async function getStructure(db: Executor, id: string): Promise<Structure> {
  const row = await findStructureRow(db, id);
  if (row === undefined) throw notFound('Structure', id);
  return toStructure(row);
}

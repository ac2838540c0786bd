import { and, asc, eq, gte, isNull, lte, or, type SQL } from 'drizzle-orm';
import { decodeCursor, keysetAfter, keysetOrderBy, notFound, parseSort, Problem, toPage, type Executor } from '@pegase/platform';
import type { Nomenclature, NomenclatureValue } from '../../contract/index.ts';
import { nomenclatures, nomenclatureValues } from '../shared/tables.ts';
import { containsText } from '../shared/text-search.ts';
import { toNomenclature, toNomenclatureValue, type NomenclatureRow, type NomenclatureValueRow } from './nomenclature-mapper.ts';
import { describeValidities, isValidOn } from './nomenclature-validity.ts';

export interface NomenclatureListQuery {
  limit: number;
  cursor?: string | undefined;
  sort: string;
  q?: string | undefined;
}

export const nomenclatureSortFields = ['code'] as const;

/** Nomenclatures are keyed by their code: it is both the sort column and the keyset tie-breaker. */
export async function listNomenclatures(db: Executor, query: NomenclatureListQuery) {
  const sort = parseSort(query.sort);
  const order = { column: nomenclatures.code, id: nomenclatures.code, descending: sort.descending };
  const after = decodeCursor(query.cursor, query.sort);
  const rows = await db
    .select()
    .from(nomenclatures)
    .where(
      and(
        query.q === undefined ? undefined : containsText(query.q, nomenclatures.code, nomenclatures.labelFr, nomenclatures.labelEn),
        keysetAfter(order, after),
      ),
    )
    .orderBy(...keysetOrderBy(order).slice(0, 1))
    .limit(query.limit + 1);
  return toPage(
    rows.map((row) => ({ ...row, id: row.code })),
    query.limit,
    query.sort,
    (row) => row.code,
    toNomenclature,
  );
}

export async function findNomenclatureRow(db: Executor, code: string, options: { forUpdate?: boolean } = {}): Promise<NomenclatureRow | undefined> {
  const query = db.select().from(nomenclatures).where(eq(nomenclatures.code, code));
  const [row] = options.forUpdate === true ? await query.for('update') : await query;
  return row;
}

export async function getNomenclature(db: Executor, code: string): Promise<Nomenclature> {
  const row = await findNomenclatureRow(db, code);
  if (row === undefined) throw notFound('Nomenclature', code);
  return toNomenclature(row);
}

/** Refuses with 404 when the nomenclature does not exist. */
export async function requireNomenclature(db: Executor, code: string): Promise<void> {
  if ((await findNomenclatureRow(db, code)) === undefined) throw notFound('Nomenclature', code);
}

export interface NomenclatureValueListQuery {
  limit: number;
  cursor?: string | undefined;
  sort: string;
  at?: string | undefined;
  code?: string | undefined;
  q?: string | undefined;
}

const valueSortColumns = { code: nomenclatureValues.code, validFrom: nomenclatureValues.validFrom, label: nomenclatureValues.labelFr } as const;

export async function listNomenclatureValues(db: Executor, nomenclature: string, query: NomenclatureValueListQuery) {
  const sort = parseSort(query.sort);
  const column = valueSortColumns[sort.field as keyof typeof valueSortColumns];
  const order = { column, id: nomenclatureValues.id, descending: sort.descending };
  const after = decodeCursor(query.cursor, query.sort);
  const rows = await db
    .select()
    .from(nomenclatureValues)
    .where(and(eq(nomenclatureValues.nomenclature, nomenclature), ...valueFilters(query), keysetAfter(order, after)))
    .orderBy(...keysetOrderBy(order))
    .limit(query.limit + 1);
  // An empty page is either an unknown nomenclature (404) or no match: one more query only then.
  if (rows.length === 0) await requireNomenclature(db, nomenclature);
  return toPage(
    rows,
    query.limit,
    query.sort,
    (row) => (sort.field === 'code' ? row.code : sort.field === 'validFrom' ? row.validFrom : row.labelFr),
    toNomenclatureValue,
  );
}

function valueFilters(query: NomenclatureValueListQuery): (SQL | undefined)[] {
  return [
    query.at === undefined
      ? undefined
      : and(lte(nomenclatureValues.validFrom, query.at), or(isNull(nomenclatureValues.validTo), gte(nomenclatureValues.validTo, query.at))),
    query.code === undefined ? undefined : eq(nomenclatureValues.code, query.code),
    query.q === undefined ? undefined : containsText(query.q, nomenclatureValues.code, nomenclatureValues.labelFr, nomenclatureValues.labelEn),
  ];
}

export async function findNomenclatureValueRow(
  db: Executor,
  nomenclature: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<NomenclatureValueRow | undefined> {
  const query = db
    .select()
    .from(nomenclatureValues)
    .where(and(eq(nomenclatureValues.nomenclature, nomenclature), eq(nomenclatureValues.id, id)));
  const [row] = options.forUpdate === true ? await query.for('update') : await query;
  return row;
}

export async function getNomenclatureValue(db: Executor, nomenclature: string, id: string): Promise<NomenclatureValue> {
  const row = await findNomenclatureValueRow(db, nomenclature, id);
  if (row === undefined) {
    await requireNomenclature(db, nomenclature);
    throw notFound(`Value of nomenclature ${nomenclature}`, id);
  }
  return toNomenclatureValue(row);
}

/** Every interval of one code, oldest first. */
export async function valuesOfCode(db: Executor, nomenclature: string, code: string): Promise<NomenclatureValueRow[]> {
  return db
    .select()
    .from(nomenclatureValues)
    .where(and(eq(nomenclatureValues.nomenclature, nomenclature), eq(nomenclatureValues.code, code)))
    .orderBy(asc(nomenclatureValues.validFrom));
}

/**
 * The value of `code` usable on `date`: what other modules call to check, for
 * example, a birth country at the birth date. 404 when the code never existed
 * in the nomenclature; 422 `value-not-valid`, saying when it was valid, when it
 * exists but not on that date.
 */
export async function nomenclatureValueAt(db: Executor, nomenclature: string, code: string, date: string): Promise<NomenclatureValue> {
  const rows = await valuesOfCode(db, nomenclature, code);
  if (rows.length === 0) {
    await requireNomenclature(db, nomenclature);
    throw notFound(`Value of nomenclature ${nomenclature}`, code);
  }
  const valid = rows.find((row) => isValidOn(row, date));
  if (valid !== undefined) return toNomenclatureValue(valid);
  const validity = rows.map((row) => ({ validFrom: row.validFrom, validTo: row.validTo }));
  throw new Problem(422, 'value-not-valid', 'Business rule violated', `${nomenclature} ${code} is valid ${describeValidities(validity)}, not on ${date}.`, {
    validity,
    errors: [{ in: 'params', field: '/date', message: `is outside the validity of ${nomenclature} ${code}` }],
  });
}

import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { containsPattern, decodeCursor, foldForSearch, keysetAfter, keysetOrderBy, notFound, parseSort, toPage, type Executor } from '@pegase/platform';
import { INE_PATTERN, type Learner } from '../../contract/index.ts';
import { learners } from '../shared/tables.ts';
import { toLearner } from './learner-mapper.ts';

export interface LearnerListQuery {
  limit: number;
  cursor?: string | undefined;
  sort: string;
  q?: string | undefined;
}

const sortColumns = { name: learners.searchName, code: learners.code } as const;
const INE = new RegExp(INE_PATTERN);
const CODE = /^PGS[0-9]{7}$/;
const NAME_SIMILARITY = 0.5;

/**
 * Finds learners: an INE or a learner code exactly; a name with accents and
 * case ignored, exact matches first, then close spellings (trigram
 * similarity on the GIN index) — one page of the best. Without `q`, every
 * learner by name or code, paged by cursor.
 */
export async function listLearners(db: Executor, query: LearnerListQuery) {
  const q = query.q?.trim();
  if (q !== undefined && q !== '') {
    const upper = q.toUpperCase().replace(/\s/g, '');
    if (INE.test(upper) || CODE.test(upper)) {
      const rows = await db
        .select()
        .from(learners)
        .where(INE.test(upper) ? eq(learners.ine, upper) : eq(learners.code, upper));
      return { items: rows.map(toLearner), nextCursor: null };
    }
    const folded = foldForSearch(q);
    const contains = containsPattern(folded);
    const rows = await db.transaction(async (tx) => {
      // Names are short: "Lefebvre" for "Lefèvre" scores 0.55, below pg_trgm's default 0.6.
      await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', ${String(NAME_SIMILARITY)}, true)`);
      return tx
        .select()
        .from(learners)
        .where(sql`(${learners.searchName} like ${contains} or ${folded} operator(public.<%) ${learners.searchName})`)
        .orderBy(
          desc(sql`(${learners.searchName} like ${contains})`),
          desc(sql`public.word_similarity(${folded}, ${learners.searchName})`),
          asc(learners.searchName),
        )
        .limit(query.limit);
    });
    return { items: rows.map(toLearner), nextCursor: null };
  }
  const sort = parseSort(query.sort);
  const column = sortColumns[sort.field as keyof typeof sortColumns];
  const order = { column, id: learners.id, descending: sort.descending };
  const after = decodeCursor(query.cursor, query.sort);
  const rows = await db
    .select()
    .from(learners)
    .where(and(keysetAfter(order, after)))
    .orderBy(...keysetOrderBy(order))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, query.sort, (row) => (sort.field === 'code' ? row.code : row.searchName), toLearner);
}

export async function getLearner(db: Executor, id: string): Promise<Learner> {
  const [row] = await db.select().from(learners).where(eq(learners.id, id));
  if (row === undefined) throw notFound('Learner', id);
  return toLearner(row);
}

export async function getLearnerByCode(db: Executor, code: string): Promise<Learner> {
  const [row] = await db.select().from(learners).where(eq(learners.code, code));
  if (row === undefined) throw notFound('Learner', code);
  return toLearner(row);
}

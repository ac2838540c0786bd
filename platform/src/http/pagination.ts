import { Type, type TSchema } from 'typebox';
import { validationProblem } from '../errors/problem.ts';

/**
 * Lists are paged with an opaque cursor: `?limit=50&sort=-code&cursor=…`.
 * The cursor carries the sort it was made for and the last row's key; a
 * cursor used with another sort is refused rather than giving a wrong page.
 */
export function listQuery<F extends Record<string, TSchema>>(sortFields: readonly string[], filters: F) {
  return Type.Object(
    {
      limit: Type.Integer({ minimum: 1, maximum: 200, default: 50, description: 'Items per page (1–200).' }),
      cursor: Type.Optional(Type.String({ maxLength: 1000, description: 'The `nextCursor` of the previous page.' })),
      sort: Type.Union(
        sortFields.flatMap((field) => [Type.Literal(field), Type.Literal(`-${field}`)]),
        { default: sortFields[0], description: 'Sort field; a leading `-` sorts descending.' },
      ),
      ...filters,
    },
    { additionalProperties: false },
  );
}

export function pageOf<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    nextCursor: Type.Union([Type.String(), Type.Null()], { description: 'Pass it as `cursor` for the next page; null on the last page.' }),
  });
}

export interface SortSpec {
  field: string;
  descending: boolean;
}

export function parseSort(sort: string): SortSpec {
  return sort.startsWith('-') ? { field: sort.slice(1), descending: true } : { field: sort, descending: false };
}

interface CursorContent {
  sort: string;
  value: unknown;
  id: string;
}

export function encodeCursor(sort: string, value: unknown, id: string): string {
  return Buffer.from(JSON.stringify({ sort, value, id } satisfies CursorContent)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, sort: string): { value: unknown; id: string } | undefined {
  if (cursor === undefined) return undefined;
  let content: Partial<CursorContent>;
  try {
    content = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorContent>;
  } catch {
    throw invalidCursor('is not a cursor returned by this API');
  }
  if (typeof content.id !== 'string' || !('value' in content)) throw invalidCursor('is not a cursor returned by this API');
  if (content.sort !== sort) throw invalidCursor(`was made for sort=${String(content.sort)}; repeat the first request with sort=${sort}`);
  return { value: content.value, id: content.id };
}

function invalidCursor(reason: string) {
  return validationProblem(`The cursor ${reason}.`, [{ in: 'querystring', field: '/cursor', message: reason }]);
}

/** Builds the page from `limit + 1` fetched rows: the extra row proves a next page exists. */
export function toPage<Row extends { id: string }, Item>(
  rows: Row[],
  limit: number,
  sort: string,
  sortValue: (row: Row) => unknown,
  toItem: (row: Row) => Item,
) {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map(toItem),
    nextCursor: hasMore && last !== undefined ? encodeCursor(sort, sortValue(last), last.id) : null,
  };
}

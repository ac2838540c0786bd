import { ilike, or, type AnyColumn, type SQL } from 'drizzle-orm';

/** `q` matches anywhere in any of the columns, case ignored; % and _ are literal. */
export function containsText(q: string, ...columns: AnyColumn[]): SQL | undefined {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return or(...columns.map((column) => ilike(column, pattern)));
}

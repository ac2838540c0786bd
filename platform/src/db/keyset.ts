import { and, asc, desc, eq, gt, lt, or, type AnyColumn, type SQL } from 'drizzle-orm';

/**
 * Keyset ("seek") pagination: the next page starts after the last row's
 * (sort value, id), so page 500 costs what page 1 costs, and rows inserted
 * meanwhile never shift a page. Offsets are never used.
 */
export interface KeysetOrder {
  column: AnyColumn;
  id: AnyColumn;
  descending: boolean;
}

export function keysetAfter(order: KeysetOrder, after: { value: unknown; id: string } | undefined): SQL | undefined {
  if (after === undefined) return undefined;
  const beyond = order.descending ? lt : gt;
  return or(beyond(order.column, after.value), and(eq(order.column, after.value), gt(order.id, after.id)));
}

export function keysetOrderBy(order: KeysetOrder): SQL[] {
  return [order.descending ? desc(order.column) : asc(order.column), asc(order.id)];
}

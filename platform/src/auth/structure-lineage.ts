import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Transaction } from '../db/database.ts';

/** What the referential announces of a structure that a staff scope needs: its code and its ancestors, from the top. */
export interface StructureInLineage {
  id: string;
  code: string;
  ancestorIds: string[];
}

/**
 * Keeps a structure in a module's read model of the referential's structures
 * (a table with `id`, `code` and `lineage_codes`, the codes from the top of
 * the tree down to the structure itself): the column a staff scope is
 * checked against. Its ancestors were announced before it, and a move
 * announces each descendant again, so their codes are already in the table.
 * One statement.
 */
export async function keepStructureLineage(tx: Transaction, table: PgTable, structure: StructureInLineage): Promise<void> {
  await tx.execute(sql`
    insert into ${table} (id, code, lineage_codes)
    select ${structure.id}::uuid, ${structure.code}::text,
           coalesce((select array_agg(a.code order by up.place)
                       from unnest(${sql.param(structure.ancestorIds)}::uuid[]) with ordinality as up (id, place)
                       join ${table} a on a.id = up.id), '{}') || ${structure.code}::text
    on conflict (id) do update set code = excluded.code, lineage_codes = excluded.lineage_codes`);
}

import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Transaction } from '@pegase/platform';
import type { FormationTree } from './tree.ts';

/**
 * For the modules that keep a read model of the validated offer (a table of
 * their own schema with the columns period_id, path, object_id,
 * parent_path, position, depth and the key (period_id, path)): every path
 * of a formation the curriculum announces validated, written or updated in
 * one statement however many paths it has.
 */
export async function keepValidatedPaths(tx: Transaction, pathsTable: PgTable, tree: FormationTree): Promise<void> {
  const periodId = tree.objects[0]?.periodId;
  if (periodId === undefined || tree.nodes.length === 0) return;
  const nodes = tree.nodes.map((node) => ({
    path: node.path,
    object_id: node.objectId,
    parent_path: node.parentPath,
    position: node.position,
    depth: node.depth,
  }));
  await tx.execute(sql`
    insert into ${pathsTable} (period_id, path, object_id, parent_path, position, depth)
    select ${periodId}::uuid, node.path, node.object_id, node.parent_path, node.position, node.depth
      from jsonb_to_recordset(${JSON.stringify(nodes)}::jsonb)
           as node (path text, object_id uuid, parent_path text, position integer, depth integer)
    on conflict (period_id, path) do update set object_id = excluded.object_id, parent_path = excluded.parent_path,
                                               position = excluded.position, depth = excluded.depth`);
}

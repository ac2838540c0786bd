import { inArray, sql } from 'drizzle-orm';
import { notFound, rowsOf, type Executor } from '@pegase/platform';
import type { FormationTree, TreeNode } from '../../contract/index.ts';
import { toTrainingObject } from '../objects/object-mapper.ts';
import { objects } from '../shared/tables.ts';

interface NodeRow extends Record<string, unknown> {
  object_id: string;
  parent_path: string | null;
  path: string;
  position: number;
  depth: number;
}

/**
 * Every path below `rootId` in one recursive query, in reading order
 * (parents first, siblings by position: the array of positions sorts it);
 * then every object of the tree once. Two round trips, whatever the size.
 */
export async function readTree(db: Executor, rootId: string): Promise<FormationTree> {
  const nodes = await rowsOf<NodeRow>(
    db,
    sql`with recursive tree (object_id, parent_path, path, position, depth, sort_key) as (
          select o.id, null::text, o.code, 0, 0, array[0]
            from curriculum.objects o where o.id = ${rootId}::uuid
          union all
          select l.child_id, t.path, t.path || '>' || c.code, l.position, t.depth + 1, t.sort_key || l.position
            from tree t
            join curriculum.links l on l.parent_id = t.object_id
            join curriculum.objects c on c.id = l.child_id
        )
        select object_id, parent_path, path, position, depth from tree order by sort_key`,
  );
  if (nodes.length === 0) throw notFound('Training object', rootId);
  const ids = [...new Set(nodes.map((node) => node.object_id))];
  const rows = await db.select().from(objects).where(inArray(objects.id, ids));
  return {
    root: rootId,
    objects: rows.map(toTrainingObject),
    nodes: nodes.map((node): TreeNode => ({
      path: node.path,
      objectId: node.object_id,
      parentPath: node.parent_path,
      position: Number(node.position),
      depth: Number(node.depth),
    })),
  };
}

/** Every path of one object: one per chain of parents up to a root (a shared object has several). */
export async function pathsOf(db: Executor, objectId: string): Promise<string[]> {
  const rows = await rowsOf<{ path: string }>(
    db,
    sql`with recursive up (id, path) as (
          select o.id, o.code::text from curriculum.objects o where o.id = ${objectId}::uuid
          union all
          select l.parent_id, p.code || '>' || u.path
            from up u
            join curriculum.links l on l.child_id = u.id
            join curriculum.objects p on p.id = l.parent_id
        )
        select path from up u where not exists (select 1 from curriculum.links l where l.child_id = u.id) order by path`,
  );
  return rows.map((row) => row.path);
}

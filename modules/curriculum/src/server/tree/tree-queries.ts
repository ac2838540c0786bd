import { sql } from 'drizzle-orm';
import { notFound, rowsOf, type Executor } from '@pegase/platform';
import type { FormationTree, TreeNode } from '../../contract/index.ts';
import { objectRowOf, toTrainingObject } from '../objects/object-mapper.ts';

interface TreeRow extends Record<string, unknown> {
  object_id: string;
  parent_path: string | null;
  path: string;
  position: number;
  depth: number;
  /** The object's row, on its first node only (the others repeat it: null). */
  object: Record<string, unknown> | null;
}

/**
 * Every path below `rootId` and every object of the tree once, in one
 * recursive statement: nodes in reading order (parents first, siblings by
 * position: the array of positions sorts it), each object's columns on the
 * first node that reaches it. One round trip whatever the size, and no
 * lookup whose cost grows with the period.
 */
export async function readTree(db: Executor, rootId: string): Promise<FormationTree> {
  const rows = await rowsOf<TreeRow>(
    db,
    sql`with recursive tree (object_id, parent_path, path, position, depth, sort_key, object) as (
          select o.id, null::text, o.code, 0, 0, array[0], to_jsonb(o)
            from curriculum.objects o where o.id = ${rootId}::uuid
          union all
          select l.child_id, t.path, t.path || '>' || c.code, l.position, t.depth + 1, t.sort_key || l.position, to_jsonb(c)
            from tree t
            join curriculum.links l on l.parent_id = t.object_id
            join curriculum.objects c on c.id = l.child_id
        ), ordered as (
          select object_id, parent_path, path, position, depth, sort_key, object,
                 row_number() over (partition by object_id order by sort_key) as seen
            from tree
        )
        select object_id, parent_path, path, position, depth, case when seen = 1 then object end as object
          from ordered order by sort_key`,
  );
  if (rows.length === 0) throw notFound('Training object', rootId);
  return {
    root: rootId,
    objects: rows.filter((row) => row.object !== null).map((row) => toTrainingObject(objectRowOf(row.object!))),
    nodes: rows.map((row): TreeNode => ({
      path: row.path,
      objectId: row.object_id,
      parentPath: row.parent_path,
      position: Number(row.position),
      depth: Number(row.depth),
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

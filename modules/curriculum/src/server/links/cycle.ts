import { sql } from 'drizzle-orm';
import { rowsOf, ruleProblem, type Executor } from '@pegase/platform';

/**
 * Refuses a link that would close a cycle: the parent is the child itself or
 * one of its descendants. The error names the cycle, codes from the parent
 * round to itself, so that the person sees which link to remove.
 */
export async function assertNoCycle(db: Executor, parent: { id: string; code: string }, child: { id: string; code: string }): Promise<void> {
  if (parent.id === child.id) {
    throw ruleProblem('curriculum-cycle', `${child.code} cannot be placed under itself.`, [{ in: 'params', field: '/childId', message: 'would make a cycle' }]);
  }
  const [found] = await rowsOf<{ codes: string[] }>(
    db,
    sql`with recursive down (id, trail) as (
          select ${child.id}::uuid, array[${child.id}::uuid]
          union all
          select l.child_id, d.trail || l.child_id
            from curriculum.links l join down d on l.parent_id = d.id
           where not l.child_id = any (d.trail)
        ), hit as (select trail from down where id = ${parent.id}::uuid limit 1)
        select array(select o.code from unnest((select trail from hit)) with ordinality as t (id, n) join curriculum.objects o on o.id = t.id order by t.n) as codes
         where exists (select 1 from hit)`,
  );
  if (found !== undefined) {
    const cycle = [parent.code, ...found.codes].join(' > ');
    throw ruleProblem('curriculum-cycle', `Placing ${child.code} under ${parent.code} would close a cycle: ${cycle}. Remove one of these links first.`, [
      { in: 'params', field: '/childId', message: 'would make a cycle' },
    ]);
  }
}

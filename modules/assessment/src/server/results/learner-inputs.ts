import { sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '@pegase/platform';
import type { SnapshotIndex } from './formation-snapshot.ts';

/** Flags of a registered entry. */
export const EXEMPTED = 1;
export const POINT = 2;
/** Grades that are not marks; a mark is its thousandths (≥ 0). */
export const ABI = -1;
export const ABJ = -2;
/** No carried-over mark. */
export const NONE = -1;

/**
 * What is a learner's own in their results, against a formation snapshot:
 * the registered entries of their cursus as [path index, flags, carried
 * mark or NONE], their grades as [assessment index, grade] (thousandths on
 * 20, ABI or ABJ), and the jury's points as [path index, points]. Small
 * integers only: a deliberation stores these, frozen, for each learner.
 */
export interface LearnerInputs {
  entries: [number, number, number][];
  grades: [number, number][];
  points: [number, number][];
}

/**
 * A mark kept on its assessment's scale (a.scale) as thousandths on 20,
 * v·20/scale rounded half up, in integers: (2·20000·v + scale) div
 * (2·scale), the same rounding as the engine's means (decision 0015).
 */
const onTwentySql = sql`(((m.value * 40000)::bigint + a.scale) / (2 * a.scale))::int`;

/**
 * The inputs of some enrolments (the registered entries under their point
 * and every mark of the formation's assessments), in two statements
 * whatever their number. Paths and assessments outside the snapshot are
 * not part of the formation's results and are left out. Marks come as
 * thousandths on 20, converted from their scale by PostgreSQL's exact numerics.
 */
export async function inputsOf(tx: Executor, index: SnapshotIndex, enrolmentIds: string[]): Promise<Map<string, LearnerInputs>> {
  const inputs = new Map<string, LearnerInputs>();
  if (enrolmentIds.length === 0) return inputs;
  const { snapshot } = index;
  const ids = sql.param(enrolmentIds);
  const entryRows = await rowsOf<{ enrolment_id: string; entries: [number, number, number][] }>(
    tx,
    sql`with p as (select path, (n - 1)::int as i from unnest(${sql.param(snapshot.paths.map((path) => path.path))}::text[]) with ordinality as u (path, n))
        select e.enrolment_id,
               json_agg(json_build_array(p.i,
                                         (case when e.exempted then ${EXEMPTED}::int else 0 end) + (case when e.kind = 'point' then ${POINT}::int else 0 end),
                                         coalesce((e.carried_mark * 1000)::int, ${NONE}::int))) as entries
          from assessment.entries e
          join p on p.path = e.path
         where e.enrolment_id = any(${ids}::uuid[]) and e.status = 'registered'
         group by e.enrolment_id`,
  );
  for (const row of entryRows) inputs.set(row.enrolment_id, { entries: row.entries, grades: [], points: [] });
  if (snapshot.assessments.length === 0) return inputs;
  const gradeRows = await rowsOf<{ enrolment_id: string; grades: [number, number][] }>(
    tx,
    sql`with a as (select id, scale, (n - 1)::int as i
                     from unnest(${sql.param(snapshot.assessments.map((assessment) => assessment.id))}::uuid[],
                                 ${sql.param(snapshot.assessments.map((assessment) => assessment.scale))}::int[]) with ordinality as u (id, scale, n))
        select m.enrolment_id,
               json_agg(json_build_array(a.i, coalesce(${onTwentySql}, case m.absence when 'ABI' then ${ABI}::int else ${ABJ}::int end))) as grades
          from assessment.marks m
          join a on a.id = m.assessment_id
         where m.enrolment_id = any(${ids}::uuid[])
         group by m.enrolment_id`,
  );
  for (const row of gradeRows) {
    const learner = inputs.get(row.enrolment_id);
    if (learner !== undefined) learner.grades = row.grades;
  }
  return inputs;
}

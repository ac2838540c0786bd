import { createHash } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { systemOrigin, type ModuleContext } from '@pegase/platform';
import { createAssessment } from '../assessments/create-assessment.ts';
import { enterMarks } from '../assessments/marks.ts';
import { createJury, deliberate, publish } from '../juries/jury-commands.ts';
import { cursus, entries, learners, objects } from '../shared/tables.ts';

const FORMATION = 'LIC-INFO';

/** A mark from 10 to 17 that is always the same for a learner and a course element (the demo learners pass). */
function demoMark(learnerCode: string, path: string): string {
  const hash = createHash('sha256').update(`${learnerCode}|${path}`).digest().readUInt16BE(0);
  return (10 + (hash % 701) / 100).toFixed(2);
}

/**
 * Session 1 of the Licence, marked, deliberated and published: every
 * course element its validated learners follow gets a final exam, each
 * learner a mark, and the formation's jury of session 1 deliberates and
 * publishes — so that the demo students (student4, Éloïse Nguyễn, at the
 * third year) find their results and download their transcript.
 */
export async function publishDemoResults(context: ModuleContext): Promise<void> {
  const origin = systemOrigin('sandbox');
  const [formation] = await context.db
    .select({ id: objects.id, periodId: objects.periodId })
    .from(objects)
    .where(and(eq(objects.code, FORMATION), sql`${objects.id} = ${objects.formationId}`))
    .limit(1);
  if (formation === undefined) return;
  const followed = await context.db
    .select({ enrolmentId: cursus.enrolmentId, learnerCode: learners.code, path: entries.path })
    .from(cursus)
    .innerJoin(objects, eq(objects.id, cursus.pointId))
    .innerJoin(learners, eq(learners.id, cursus.learnerId))
    // As on a sheet: neither exempted nor carried over.
    .innerJoin(
      entries,
      and(eq(entries.enrolmentId, cursus.enrolmentId), eq(entries.status, 'registered'), eq(entries.exempted, false), isNull(entries.carriedMark)),
    )
    .where(
      and(
        eq(objects.formationId, formation.id),
        eq(cursus.periodId, formation.periodId),
        // Course elements: registered entries with nothing registered below them.
        sql`not exists (select 1 from assessment.paths p where p.period_id = ${formation.periodId} and p.parent_path = ${entries.path})`,
      ),
    );
  if (followed.length === 0) return;
  const byPath = new Map<string, { enrolmentId: string; learnerCode: string }[]>();
  for (const line of followed) byPath.set(line.path, [...(byPath.get(line.path) ?? []), line]);
  for (const [path, lines] of byPath) {
    const exam = await createAssessment(
      context,
      { periodId: formation.periodId, path, session: 1, code: 'EXAM', label: 'Examen terminal', coefficient: '1', scale: 20 },
      origin,
    );
    await enterMarks(context, exam.id, { marks: lines.map((line) => ({ enrolmentId: line.enrolmentId, mark: demoMark(line.learnerCode, path) })) }, origin);
  }
  const jury = await createJury(context, { formationId: formation.id, periodId: formation.periodId, session: 1 }, origin);
  await deliberate(context, jury.id, origin);
  await publish(context, jury.id, origin);
}

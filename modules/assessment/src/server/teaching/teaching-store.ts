import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { notFound, ruleProblem, rowsOf, type Executor, type ModuleContext, type Origin, type Transaction } from '@pegase/platform';
import { assessmentEvents, type ObjectTeachers, type PutTeachers, type TaughtObject } from '../../contract/index.ts';
import { assessmentOf, onSheet } from '../assessments/assessment-store.ts';
import { assertOwnsObject, teacherNameOf, teachesOnly, type OfferObject } from '../shared/access.ts';
import { assessments, objects, paths, sheetLocks, teaching } from '../shared/tables.ts';

async function objectOf(tx: Executor, objectId: string, forUpdate = false): Promise<OfferObject> {
  const query = tx.select().from(objects).where(eq(objects.id, objectId));
  const [object] = forUpdate ? await query.for('update') : await query;
  if (object === undefined) throw notFound('Training object of the validated offer', objectId);
  return object;
}

async function teachersOf(tx: Executor, object: OfferObject): Promise<ObjectTeachers> {
  const rows = await tx.select().from(teaching).where(eq(teaching.objectId, object.id)).orderBy(asc(teaching.teacher));
  return {
    objectId: object.id,
    periodId: object.periodId,
    code: object.code,
    labelFr: object.labelFr,
    teachers: rows.map((row) => ({ teacher: row.teacher, assignedBy: row.assignedBy, assignedAt: row.assignedAt.toISOString() })),
  };
}

/** Who teaches an object: staff (and teachers) of its structures; a teacher of the object too, wherever it belongs. */
export async function readTeachers(tx: Executor, objectId: string, origin: Origin): Promise<ObjectTeachers> {
  const object = await objectOf(tx, objectId);
  const current = await teachersOf(tx, object);
  const name = teacherNameOf(origin.actor);
  if (!(teachesOnly(origin.actor) && current.teachers.some((assignment) => assignment.teacher === name))) {
    await assertOwnsObject(tx, origin.scope, object.id, `read who teaches ${object.code}`);
  }
  return current;
}

/**
 * Sets the teachers of a course element: the list replaces the one before
 * (a teacher kept keeps the date they were assigned). Teachers teach an
 * object, so in every path where it appears; only course elements (an
 * object at the bottom of a path) carry assessments, so only they are
 * taught. Accounts are not looked up: with an external identity provider
 * Pégase does not know them before they sign in.
 */
export async function setTeachers(context: ModuleContext, objectId: string, body: PutTeachers, origin: Origin): Promise<ObjectTeachers> {
  return context.transaction(async (tx: Transaction) => {
    // The object's row serialises the changes of its teachers.
    const object = await objectOf(tx, objectId, true);
    await assertOwnsObject(tx, origin.scope, object.id, `assign the teachers of ${object.code}`);
    const [leaf] = await rowsOf<{ path: string }>(
      tx,
      sql`select p.path from assessment.paths p
           where p.object_id = ${object.id}
             and not exists (select 1 from assessment.paths c where c.period_id = p.period_id and c.parent_path = p.path)
           limit 1`,
    );
    if (leaf === undefined) {
      throw ruleProblem(
        'not-a-course-element',
        `${object.code} has children in every path where it appears: teachers are assigned to the course elements at the bottom of the tree, whose assessments they mark.`,
      );
    }
    const before = await teachersOf(tx, object);
    const wanted = [...new Set(body.teachers.map((teacher) => teacher.toLowerCase()))];
    const had = new Set(before.teachers.map((assignment) => assignment.teacher));
    const removed = [...had].filter((teacher) => !wanted.includes(teacher));
    const added = wanted.filter((teacher) => !had.has(teacher));
    if (removed.length === 0 && added.length === 0) return before;
    if (removed.length > 0) await tx.delete(teaching).where(and(eq(teaching.objectId, object.id), inArray(teaching.teacher, removed)));
    const by = origin.actor.login ?? origin.actor.subject;
    if (added.length > 0) await tx.insert(teaching).values(added.map((teacher) => ({ objectId: object.id, teacher, assignedBy: by })));
    const after = await teachersOf(tx, object);
    await context.publish(tx, assessmentEvents.teachingChanged, after, { subject: object.id, origin, before });
    return after;
  });
}

/** The course elements a teacher teaches (in a period, or all), each with its paths and the sheets of its assessments, counted. */
export async function myTeaching(tx: Executor, origin: Origin, periodId: string | undefined): Promise<TaughtObject[]> {
  const taught = await tx
    .select({ object: objects })
    .from(teaching)
    .innerJoin(objects, eq(objects.id, teaching.objectId))
    .where(and(eq(teaching.teacher, teacherNameOf(origin.actor)), periodId === undefined ? undefined : eq(objects.periodId, periodId)))
    .orderBy(asc(objects.code));
  const result: TaughtObject[] = [];
  for (const { object } of taught) {
    const objectPaths = (await tx.select({ path: paths.path }).from(paths).where(eq(paths.objectId, object.id)).orderBy(asc(paths.path))).map(
      (row) => row.path,
    );
    const rows =
      objectPaths.length === 0
        ? []
        : await tx
            .select({ assessment: assessments, lock: sheetLocks })
            .from(assessments)
            .leftJoin(sheetLocks, eq(sheetLocks.assessmentId, assessments.id))
            .where(and(eq(assessments.periodId, object.periodId), inArray(assessments.path, objectPaths)))
            .orderBy(asc(assessments.path), asc(assessments.session), asc(assessments.code));
    const sheets = [];
    for (const row of rows) {
      const [counts] = await rowsOf<{ learners: number; marked: number }>(
        tx,
        sql`select count(*)::int as learners, count(m.enrolment_id)::int as marked
              from (${onSheet(row.assessment.periodId, row.assessment.path)}) s
              left join assessment.marks m on m.assessment_id = ${row.assessment.id} and m.enrolment_id = s.enrolment_id`,
      );
      sheets.push({ assessment: assessmentOf(row.assessment, row.lock), learners: counts?.learners ?? 0, marked: counts?.marked ?? 0 });
    }
    result.push({
      objectId: object.id,
      periodId: object.periodId,
      code: object.code,
      labelFr: object.labelFr,
      labelEn: object.labelEn,
      paths: objectPaths,
      sheets,
    });
  }
  return result;
}

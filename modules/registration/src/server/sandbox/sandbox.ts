import { and, eq, sql } from 'drizzle-orm';
import { systemOrigin, type ModuleContext, type Origin } from '@pegase/platform';
import { chooseInGrouping } from '../cursus/cursus-commands.ts';
import { cursusOf } from '../cursus/cursus-queries.ts';
import { createGroup } from '../groups/group-commands.ts';
import { choiceWindows, enrolments, groups, learners, objects } from '../shared/tables.ts';

const DAY = 86_400_000;

/**
 * Course choices are open in the sandbox: every validated formation's window
 * opened yesterday and closes in a month. The Licence's software design
 * course (third year, semester 5) has two TD groups. The demo student
 * Éloïse Nguyễn (student4) has made her choices — the first options of each
 * grouping, which she may still change — so that her cursus is complete and
 * her results (assessment's demo data) have a mark.
 */
export async function loadSandbox(context: ModuleContext): Promise<void> {
  const origin = systemOrigin('sandbox');
  const now = Date.now();
  const formations = await context.db
    .select({ id: objects.id })
    .from(objects)
    .where(sql`${objects.id} = ${objects.formationId}`);
  for (const formation of formations) {
    await context.db
      .insert(choiceWindows)
      .values({ formationId: formation.id, opensAt: new Date(now - DAY), closesAt: new Date(now + 30 * DAY), updatedBy: 'sandbox' })
      .onConflictDoNothing();
  }
  const [course] = await context.db.select({ id: objects.id }).from(objects).where(eq(objects.code, 'GENIE-LOGICIEL')).limit(1);
  if (course === undefined) return;
  const existing = await context.db.select({ id: groups.id }).from(groups).where(eq(groups.objectId, course.id));
  if (existing.length > 0) return;
  for (const code of ['TD1', 'TD2']) await createGroup(context, course.id, { kind: 'TD', code, capacity: 30 }, origin);
  await chooseForTheDemoStudent(context, origin);
}

async function chooseForTheDemoStudent(context: ModuleContext, origin: Origin): Promise<void> {
  const [demo] = await context.db
    .select({ enrolmentId: enrolments.id })
    .from(enrolments)
    .innerJoin(learners, eq(learners.id, enrolments.learnerId))
    .where(and(eq(learners.code, 'PGS0000004'), eq(enrolments.status, 'validated')))
    .limit(1);
  if (demo === undefined) return;
  const staff = { kind: 'staff' as const, scope: origin.scope };
  for (const grouping of (await cursusOf(context.db, demo.enrolmentId)).groupings) {
    if (grouping.chosen.length > 0 || grouping.min === 0) continue;
    const children = grouping.options.filter((option) => option.openForChoice).slice(0, grouping.min);
    await chooseInGrouping(context, demo.enrolmentId, { grouping: grouping.path, children: children.map((option) => option.path) }, staff, origin);
  }
}

import { eq, sql } from 'drizzle-orm';
import { systemOrigin, type ModuleContext } from '@pegase/platform';
import { createGroup } from '../groups/group-commands.ts';
import { choiceWindows, groups, objects } from '../shared/tables.ts';

const DAY = 86_400_000;

/**
 * Course choices are open in the sandbox: every validated formation's window
 * opened yesterday and closes in a month. The Licence's software design
 * course (third year, semester 5) has two TD groups.
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
}

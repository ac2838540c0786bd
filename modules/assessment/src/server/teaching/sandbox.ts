import { eq } from 'drizzle-orm';
import { systemOrigin, type ModuleContext } from '@pegase/platform';
import { objects } from '../shared/tables.ts';
import { setTeachers } from './teaching-store.ts';

/**
 * The sandbox's teacher (login « teacher », apps/server/src/sandbox-identities.ts)
 * teaches the Licence's software design course (third year, semester 5),
 * which the sandbox's validated third-year learners follow: signed in, they
 * find it under « my teaching » and mark its sheets.
 */
export async function loadSandbox(context: ModuleContext): Promise<void> {
  const [course] = await context.db.select({ id: objects.id }).from(objects).where(eq(objects.code, 'GENIE-LOGICIEL')).limit(1);
  if (course === undefined) return;
  await setTeachers(context, course.id, { teachers: ['teacher'] }, systemOrigin('sandbox'));
}

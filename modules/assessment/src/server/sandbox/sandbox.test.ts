import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenClaims } from '@pegase/platform';
import { curriculumModule } from '@pegase/curriculum/module';
import { enrolmentModule } from '@pegase/enrolment/module';
import { referentialModule } from '@pegase/referential/module';
import { registrationModule } from '@pegase/registration/module';
import { createTestRuntime, type TestRuntime } from '@pegase/platform/testing';
import type { Assessment, Sheet, TaughtObject } from '../../contract/index.ts';
import { assessmentModule } from '../module.ts';
import type { MyResult } from '../../contract/index.ts';

/**
 * The sandbox's teacher (login « teacher ») teaches the software design
 * course, which the third-year learners follow; the Licence's session 1 is
 * marked, deliberated and published, so the demo student sees results.
 */
describe('the assessment sandbox', () => {
  let runtime: TestRuntime;
  const teacher: TokenClaims = { subject: 'teacher', login: 'teacher', roles: ['teacher'], structureCodes: ['SCI-INFO'] };
  const staff: TokenClaims = { subject: 'staff', login: 'staff', roles: ['staff'], structureCodes: ['UFR-SCI'] };
  beforeAll(async () => {
    runtime = await createTestRuntime([referentialModule, curriculumModule, enrolmentModule, registrationModule, assessmentModule], { sandbox: true });
    await runtime.drainEvents();
  }, 120_000);
  afterAll(async () => runtime.close());

  it('lets the teacher find the course they teach, and mark its learners once staff create an assessment', async () => {
    const mine = await runtime.request('GET', '/api/assessment/v1/me/teaching', undefined, {}, teacher);
    expect(mine.statusCode, mine.body).toBe(200);
    const [course] = mine.json() as TaughtObject[];
    // Its final exam was marked for the published session 1.
    expect(course).toMatchObject({ code: 'GENIE-LOGICIEL', sheets: [{ assessment: { code: 'EXAM', session: 1 } }] });
    const path = course!.paths[0]!;
    const created = await runtime.request(
      'POST',
      '/api/assessment/v1/assessments',
      { periodId: course!.periodId, path, session: 1, code: 'PROJET', label: 'Projet', scale: 100 },
      {},
      staff,
    );
    expect(created.statusCode, created.body).toBe(201);
    const sheet = await runtime.request('GET', `/api/assessment/v1/assessments/${(created.json() as Assessment).id}/sheet`, undefined, {}, teacher);
    expect(sheet.statusCode, sheet.body).toBe(200);
    const lines = (sheet.json() as Sheet).lines;
    expect(lines.length).toBeGreaterThan(0);
    const entered = await runtime.request(
      'PUT',
      `/api/assessment/v1/assessments/${(created.json() as Assessment).id}/marks`,
      { marks: [{ enrolmentId: lines[0]!.enrolmentId, mark: '72,5' }] },
      {},
      teacher,
    );
    expect(entered.statusCode, entered.body).toBe(200);
    const counted = (await runtime.request('GET', '/api/assessment/v1/me/teaching', undefined, {}, teacher)).json() as TaughtObject[];
    expect(counted[0]!.sheets.find((sheet) => sheet.assessment.code === 'PROJET')).toMatchObject({ learners: lines.length, marked: 1 });
  });

  it('shows the demo student (student4) the Licence’s published session 1', async () => {
    const student: TokenClaims = { subject: 'student4', login: 'student4', roles: ['student'], learnerCode: 'PGS0000004' };
    const mine = await runtime.request('GET', '/api/assessment/v1/me/results', undefined, {}, student);
    expect(mine.statusCode, mine.body).toBe(200);
    const [published] = mine.json() as MyResult[];
    expect(published!.jury).toMatchObject({ session: 1, status: 'published' });
    expect(published!.result).toMatchObject({ learnerCode: 'PGS0000004', decision: 'ADM', rank: 1 });
    expect(published!.result.root.children.length).toBeGreaterThan(0);
  });
});

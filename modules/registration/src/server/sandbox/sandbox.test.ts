import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRuntime, type TestRuntime } from '@pegase/platform/testing';
import { allModulesForSandbox } from '../../../test/sandbox-modules.ts';
import type { Cursus, Group } from '../../contract/index.ts';

/** The sandbox: Éloïse Nguyễn (student4) has a validated Licence third year whose language choice is open; two TD groups exist. */
describe('the registration sandbox', () => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await createTestRuntime(allModulesForSandbox, { sandbox: true });
    await runtime.drainEvents();
  }, 120_000);
  afterAll(async () => runtime.close());

  it('gives student4 a cursus with the semester 5 language choice open, and the software design course two TD groups', async () => {
    const student = { subject: 'student4', roles: ['student' as const], learnerCode: 'PGS0000004' };
    const response = await runtime.request('GET', '/api/registration/v1/me/cursus', undefined, {}, student);
    expect(response.statusCode, response.body).toBe(200);
    const [cursus] = response.json() as Cursus[];
    expect(cursus!.window?.open).toBe(true);
    const language = cursus!.groupings.find((grouping) => grouping.code === 'LANGUE-S5-CHOIX')!;
    expect(language.options.map((option) => option.code)).toContain('ESPAGNOL-S5');
    const course = cursus!.entries.find((entry) => entry.code === 'GENIE-LOGICIEL')!;
    const groups = (await runtime.request('GET', `/api/registration/v1/objects/${course.objectId}/groups`)).json() as Group[];
    expect(groups.map((group) => group.code)).toEqual(['TD1', 'TD2']);
  });
});

import { expect } from 'vitest';
import type { TokenClaims } from '@pegase/platform';
import { createTestRuntime, type TestRuntime } from '@pegase/platform/testing';
import { referentialModule } from '@pegase/referential/module';
import { curriculumModule } from '../src/server/module.ts';

export const api = '/api/curriculum/v1';

export interface Obj {
  id: string;
  code: string;
  type: string;
  status: string;
  version: number;
  periodId: string;
  [key: string]: unknown;
}

/**
 * A runtime with the referential and the curriculum, a period and a
 * structure created through the referential's API and delivered to the
 * curriculum's read model by its events, as in production.
 */
export async function curriculumRuntime() {
  const runtime = await createTestRuntime([referentialModule, curriculumModule]);
  const post = async (url: string, body: unknown) => {
    const response = await runtime.request('POST', url, body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string };
  };
  const period = await post('/api/referential/v1/periods', {
    code: '2026-2027',
    type: 'academic-year',
    labels: { fr: 'Année 2026-2027' },
    startDate: '2026-09-01',
    endDate: '2027-08-31',
  });
  const nextPeriod = await post('/api/referential/v1/periods', {
    code: '2027-2028',
    type: 'academic-year',
    labels: { fr: 'Année 2027-2028' },
    startDate: '2027-09-01',
    endDate: '2028-08-31',
  });
  const faculty = await post('/api/referential/v1/structures', { code: 'UFR-T', type: 'ufr', labels: { fr: 'UFR T' } });
  const department = await post('/api/referential/v1/structures', { code: 'T-INFO', type: 'department', labels: { fr: 'Informatique' }, parentId: faculty.id });
  const other = await post('/api/referential/v1/structures', { code: 'UFR-O', type: 'ufr', labels: { fr: 'UFR O' } });
  await runtime.drainEvents();

  async function create(code: string, type: string, extra: Record<string, unknown> = {}, as?: TokenClaims): Promise<Obj> {
    const response = await runtime.request(
      'POST',
      `${api}/objects`,
      { periodId: period.id, code, type, labels: { fr: `Libellé ${code}` }, ownerStructureId: department.id, ...extra },
      {},
      as,
    );
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Obj;
  }
  async function link(parent: Obj, child: Obj, position?: number) {
    const response = await runtime.request('PUT', `${api}/objects/${parent.id}/children/${child.id}`, position === undefined ? {} : { position });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { position: number };
  }
  return { runtime, period, nextPeriod, faculty, department, other, create, link };
}

export type CurriculumFixture = Awaited<ReturnType<typeof curriculumRuntime>>;
export type { TestRuntime };

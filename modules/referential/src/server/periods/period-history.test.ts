import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenClaims } from '@pegase/platform';
import { createTestRuntime, type TestRuntime } from '@pegase/platform/testing';
import { referentialModule } from '../module.ts';

const base = '/api/referential/v1/periods';
const staff: TokenClaims = { subject: 'u-staff', login: 'staff.person', roles: ['staff'] };

describe('the history of a period over HTTP', () => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await createTestRuntime([referentialModule]);
  });
  afterAll(async () => runtime.close());

  it('shows the creation and each change of the period, newest first, to staff; 404 for an unknown period', async () => {
    const created = await runtime.request('POST', base, {
      code: '2051-2052',
      type: 'academic-year',
      labels: { fr: 'Année 2051-2052' },
      startDate: '2051-09-01',
      endDate: '2052-08-31',
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json() as { id: string };
    const changed = await runtime.request('PATCH', `${base}/${id}`, { endDate: '2052-07-31' });
    expect(changed.statusCode, changed.body).toBe(200);

    const response = await runtime.request('GET', `${base}/${id}/history`, undefined, {}, staff);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().items).toMatchObject([
      {
        action: 'period.updated',
        target: { type: 'period', id },
        changedFields: ['endDate'],
        before: { endDate: '2052-08-31' },
        after: { endDate: '2052-07-31' },
      },
      { action: 'period.created', target: { type: 'period', id }, before: null },
    ]);

    const missing = await runtime.request('GET', `${base}/00000000-0000-4000-8000-000000000000/history`, undefined, {}, staff);
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.json().detail).toBe('Period 00000000-0000-4000-8000-000000000000 does not exist.');
    const asStudent = await runtime.request('GET', `${base}/${id}/history`, undefined, {}, { subject: 's', roles: ['student'], learnerCode: 'L1' });
    expect(asStudent.statusCode).toBe(403);
  });
});

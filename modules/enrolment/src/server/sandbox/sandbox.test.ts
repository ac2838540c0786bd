import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenClaims } from '@pegase/platform';
import { createTestRuntime, type TestRuntime } from '@pegase/platform/testing';
import { curriculumModule } from '@pegase/curriculum/module';
import { referentialModule } from '@pegase/referential/module';
import { enrolmentModule } from '../module.ts';

const lea: TokenClaims = { subject: 'student2', login: 'student2', roles: ['student'], learnerCode: 'PGS0000002' };

describe('enrolment sandbox', () => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await createTestRuntime([referentialModule, curriculumModule, enrolmentModule], { sandbox: true });
  });
  afterAll(async () => runtime.close());

  it('gives the demo student2 an invitation she can enrol from, and the demo points their documents', async () => {
    const mine = (await runtime.request('GET', '/api/enrolment/v1/me/admissions', undefined, {}, lea)).json() as { invitationCode: string; source: string }[];
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ source: 'ECANDIDAT', status: 'invited' });
    const started = await runtime.request('POST', '/api/enrolment/v1/me/enrolments', { invitationCode: mine[0]!.invitationCode, regime: 'FI' }, {}, lea);
    expect(started.statusCode, started.body).toBe(201);
    const documents = (await runtime.request('GET', `/api/enrolment/v1/me/enrolments/${started.json().id}/documents`, undefined, {}, lea)).json() as {
      documentType: string;
      mandatory: boolean;
    }[];
    expect(documents.map((d) => [d.documentType, d.mandatory])).toEqual([
      ['IDENTITE', true],
      ['PHOTO', true],
    ]);
    const requirements = (await runtime.request('GET', '/api/enrolment/v1/document-requirements')).json() as { documentType: string }[];
    expect(requirements).toHaveLength(12); // 3 per demo point: LINF-L1, L2, L3, MINF-M1
  });

  it('admits three Parcoursup candidates without an account at the Licence’s first year', async () => {
    const years = (await runtime.request('GET', '/api/referential/v1/periods?type=academic-year&sort=code')).json().items as { id: string }[];
    const point = (await runtime.request('GET', `/api/curriculum/v1/objects?periodId=${years[0]!.id}&q=LINF-L1`)).json().items[0] as { id: string };
    const admitted = (await runtime.request('GET', `/api/enrolment/v1/points/${point.id}/admissions`)).json() as { familyName: string; source: string }[];
    expect(admitted.map((a) => [a.familyName, a.source])).toEqual([
      ['Diallo', 'PARCOURSUP'],
      ['Garcia', 'PARCOURSUP'],
      ['Roux', 'PARCOURSUP'],
    ]);
  });
});

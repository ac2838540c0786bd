import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRuntime, type TestRuntime } from '@pegase/platform/testing';
import { curriculumModule } from '@pegase/curriculum/module';
import { enrolmentModule } from '@pegase/enrolment/module';
import { referentialModule } from '@pegase/referential/module';
import { paymentModule } from '../module.ts';

describe('payment sandbox', () => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await createTestRuntime([referentialModule, curriculumModule, enrolmentModule, paymentModule], { sandbox: true });
  });
  afterAll(async () => runtime.close());

  it('pays through the test provider, with the national fees of every academic year and the levels of the demo offer', async () => {
    expect((await runtime.request('GET', '/api/payment/v1/settings')).json()).toMatchObject({ provider: 'test' });
    const years = (await runtime.request('GET', '/api/referential/v1/periods?type=academic-year&sort=code')).json().items as { id: string; code: string }[];
    expect(years.map((year) => year.code)).toEqual(['2025-2026', '2026-2027']);
    for (const year of years) {
      const rules = (await runtime.request('GET', `/api/payment/v1/periods/${year.id}/fee-rules`)).json();
      expect(rules.levels.map((l: { level: string; amountCents: number }) => [l.level, l.amountCents])).toEqual([
        ['LICENCE', 17800],
        ['MASTER', 25400],
        ['DOCTORAT', 39700],
      ]);
      expect(rules.adjustments.map((a: { profile: string; kind: string }) => [a.profile, a.kind])).toEqual([
        ['BOURSIER', 'exemption'],
        ['PUPILLE', 'exemption'],
      ]);
    }
    // The curriculum's demo offer is validated in the older year: its enrolment points have a level.
    const points = (await runtime.request('GET', `/api/payment/v1/points?periodId=${years[0]!.id}`)).json() as { code: string; level: string | null }[];
    expect(points.map((point) => [point.code, point.level]).sort()).toEqual([
      ['LINF-L1', 'LICENCE'],
      ['LINF-L2', 'LICENCE'],
      ['LINF-L3', 'LICENCE'],
      ['MINF-M1', 'MASTER'],
      ['MINF-M2-GL', 'MASTER'],
      ['MINF-M2-SD', 'MASTER'],
    ]);
  });
});

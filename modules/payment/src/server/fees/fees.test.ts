import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paymentRuntime, RULES, staffOf, student } from '../../../test/payment-fixture.ts';

const api = '/api/payment/v1';

describe('fee rules and breakdowns over HTTP', () => {
  let f: Awaited<ReturnType<typeof paymentRuntime>>;
  beforeAll(async () => {
    f = await paymentRuntime();
  });
  afterAll(async () => f.runtime.close());

  it('keeps the rules of a period whole, versioned, checked beyond the schema, for admins to write', async () => {
    const rules = await f.runtime.request('GET', `${api}/periods/${f.period.id}/fee-rules`, undefined, {}, staffOf('UFR-E'));
    expect(rules.statusCode).toBe(200);
    expect(rules.headers.etag).toBe('"1"');
    expect(rules.json()).toMatchObject({ periodId: f.period.id, instalments: true, version: 1 });
    expect(rules.json().levels.map((l: { level: string; amountCents: number }) => [l.level, l.amountCents])).toEqual([
      ['LICENCE', 17800],
      ['MASTER', 25450],
    ]);

    const byStaff = await f.runtime.request('PUT', `${api}/periods/${f.period.id}/fee-rules`, RULES, {}, staffOf('UFR-E'));
    expect(byStaff.statusCode).toBe(403);
    const floats = await f.runtime.request('PUT', `${api}/periods/${f.period.id}/fee-rules`, {
      levels: [{ level: 'LICENCE', labels: { fr: 'L' }, amountCents: 178.5 }],
    });
    expect(floats.json()).toMatchObject({ status: 400, type: 'urn:pegase:problem:validation' });
    const inconsistent = await f.runtime.request('PUT', `${api}/periods/${f.period.id}/fee-rules`, {
      levels: [
        { level: 'LICENCE', labels: { fr: 'L' }, amountCents: 17800 },
        { level: 'LICENCE', labels: { fr: 'L bis' }, amountCents: 100 },
      ],
      adjustments: [
        { profile: 'HANDICAP', kind: 'reduction', labels: { fr: 'Sans montant' } },
        { profile: 'BOURSIER', kind: 'exemption', percent: 50, labels: { fr: 'Les deux' } },
      ],
      extras: [{ code: 'X', labels: { fr: 'X' }, amountCents: 100, levels: ['DOCTORAT'] }],
    });
    expect(inconsistent.json()).toMatchObject({ status: 422, type: 'urn:pegase:problem:invalid-fee-rules' });
    expect(inconsistent.json().errors.map((e: { field: string }) => e.field)).toEqual([
      '/levels/1/level',
      '/adjustments/0',
      '/adjustments/1',
      '/extras/0/levels/0',
    ]);
    const stale = await f.runtime.request('PUT', `${api}/periods/${f.period.id}/fee-rules`, RULES, { 'if-match': '"7"' });
    expect(stale.statusCode).toBe(412);
    const unknownPeriod = await f.runtime.request('PUT', `${api}/periods/${f.point.id}/fee-rules`, RULES);
    expect(unknownPeriod.json()).toMatchObject({ status: 422, type: 'urn:pegase:problem:unknown-period' });
  });

  it('lists the points of a period with their diploma level, set by admins on known points only', async () => {
    const listed = (await f.runtime.request('GET', `${api}/points?periodId=${f.period.id}`, undefined, {}, staffOf('UFR-L'))).json();
    expect(listed.map((p: { code: string; level: string }) => [p.code, p.level])).toEqual([
      ['LIC-E-Y1', 'LICENCE'],
      ['MAS-L-Y1', 'MASTER'],
    ]);
    const unknown = await f.runtime.request('PUT', `${api}/points/${f.period.id}/level`, { level: 'LICENCE' });
    expect(unknown.json()).toMatchObject({ status: 422, type: 'urn:pegase:problem:unknown-enrolment-point' });
    const lower = await f.runtime.request('PUT', `${api}/points/${f.point.id}/level`, { level: 'licence' });
    expect(lower.statusCode).toBe(400);
  });

  it('shows the breakdown of a normal enrolment to the student and to the staff of its point', async () => {
    const enrolment = await f.enrol(f.ada.id, f.point.id);
    const mine = await f.runtime.request('GET', `${api}/me/enrolments/${enrolment.id}/fees`, undefined, {}, student('PGS0000001'));
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toEqual({
      enrolmentId: enrolment.id,
      periodId: f.period.id,
      pointId: f.point.id,
      level: 'LICENCE',
      currency: 'EUR',
      lines: [{ kind: 'base', code: 'LICENCE', labels: { fr: 'Droits d’inscription — Licence', en: 'Tuition fees — Licence' }, amountCents: 17800 }],
      totalCents: 17800,
      exempt: false,
      instalmentPlans: [
        { count: 1, amountsCents: [17800] },
        { count: 3, amountsCents: [5934, 5933, 5933] },
      ],
    });
    const staff = await f.runtime.request('GET', `${api}/enrolments/${enrolment.id}/fees`, undefined, {}, staffOf('UFR-E'));
    expect(staff.json()).toEqual(mine.json());
    const elsewhere = await f.runtime.request('GET', `${api}/enrolments/${enrolment.id}/fees`, undefined, {}, staffOf('UFR-L'));
    expect(elsewhere.json()).toMatchObject({ status: 403, type: 'urn:pegase:problem:outside-scope' });
    const stranger = await f.runtime.request('GET', `${api}/me/enrolments/${enrolment.id}/fees`, undefined, {}, student('PGS0000002'));
    expect(stranger.statusCode).toBe(404);
  });

  it('exempts a scholarship holder (total 0), and marks the enrolment exempt when it is submitted', async () => {
    const enrolment = await f.enrol(f.bob.id, f.lawPoint.id, ['BOURSIER']);
    const fees = (await f.runtime.request('GET', `${api}/me/enrolments/${enrolment.id}/fees`, undefined, {}, student('PGS0000002'))).json();
    expect(fees.lines.map((line: { kind: string; code: string; amountCents: number }) => [line.kind, line.code, line.amountCents])).toEqual([
      ['base', 'MASTER', 25450],
      ['extra', 'MED-PREV', 510],
      ['exemption', 'BOURSIER', -25960],
    ]);
    expect(fees).toMatchObject({ totalCents: 0, exempt: true, instalmentPlans: [] });
    const pay = await f.runtime.request('POST', `${api}/me/enrolments/${enrolment.id}/payments`, { instalments: 1 }, {}, student('PGS0000002'));
    expect(pay.json()).toMatchObject({ status: 422, type: 'urn:pegase:problem:nothing-to-pay' });

    const submitted = await f.runtime.request('POST', `/api/enrolment/v1/enrolments/${enrolment.id}/submit`, undefined, { 'idempotency-key': 'exempt-0001' });
    expect(submitted.json()).toMatchObject({ status: 'submitted', paymentStatus: 'unpaid' });
    await f.runtime.drainEvents();
    const after = (await f.runtime.request('GET', `/api/enrolment/v1/enrolments/${enrolment.id}`)).json();
    expect(after.paymentStatus).toBe('exempt');
    const history = (await f.runtime.request('GET', `/api/enrolment/v1/enrolments/${enrolment.id}/history`)).json().items;
    expect(history[0]).toMatchObject({ action: 'enrolment.payment-changed', actor: expect.objectContaining({ subject: 'system:payment' }) });
  });

  it('applies the largest reduction, a percentage rounded half up to the cent', async () => {
    // 33 % of 254,50 € is 83,985 €: 83,99 € off.
    const enrolment = await f.enrol(f.ada.id, f.lawPoint.id, ['HANDICAP']);
    const fees = (await f.runtime.request('GET', `${api}/enrolments/${enrolment.id}/fees`)).json();
    expect(fees.lines.map((line: { kind: string; amountCents: number }) => [line.kind, line.amountCents])).toEqual([
      ['base', 25450],
      ['reduction', -8399],
      ['extra', 510],
    ]);
    expect(fees.totalCents).toBe(17561);
    expect(fees.instalmentPlans[1]).toEqual({ count: 3, amountsCents: [5855, 5853, 5853] });
  });

  it('says when fees cannot be computed yet rather than guessing', async () => {
    const rules = { ...RULES, levels: [RULES.levels[1]!], extras: [] };
    await f.call('PUT', `${api}/periods/${f.period.id}/fee-rules`, rules, 200);
    const enrolment = (await f.runtime.request('GET', `/api/enrolment/v1/enrolments?pointId=${f.point.id}`)).json().items[0];
    const fees = await f.runtime.request('GET', `${api}/enrolments/${enrolment.id}/fees`);
    expect(fees.json()).toMatchObject({ status: 422, type: 'urn:pegase:problem:fees-not-defined' });
    await f.call('PUT', `${api}/periods/${f.period.id}/fee-rules`, RULES, 200);
  });
});

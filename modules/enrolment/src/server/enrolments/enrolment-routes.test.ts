import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolmentRuntime, staffOf } from '../../../test/enrolment-fixture.ts';

const base = '/api/enrolment/v1/enrolments';

describe('enrolments over HTTP', () => {
  let f: Awaited<ReturnType<typeof enrolmentRuntime>>;
  beforeAll(async () => {
    f = await enrolmentRuntime();
  });
  afterAll(async () => f.runtime.close());

  it('knows the enrolment points of the validated offer, from the curriculum’s events', async () => {
    const refused = await f.runtime.request('POST', base, { learnerId: f.learner.id, pointId: f.period.id, origin: 'MANUELLE', regime: 'FI' });
    expect(refused.json()).toMatchObject({ status: 422, type: 'urn:pegase:problem:unknown-enrolment-point' });
    const badCodes = await f.runtime.request('POST', base, { learnerId: f.learner.id, pointId: f.point.id, origin: 'CARRIER-PIGEON', regime: 'XX' });
    expect(badCodes.json()).toMatchObject({ status: 422, type: 'urn:pegase:problem:invalid-code' });
    expect(badCodes.json().errors.map((e: { field: string }) => e.field)).toEqual(['/origin', '/regime']);
  });

  it('takes an enrolment from draft to validated: idempotent submission, fees settled first, staff of the point’s structure only', async () => {
    const sciencesStaff = staffOf('UFR-E');
    const lawStaff = staffOf('UFR-L');
    const outside = await f.runtime.request('POST', base, { learnerId: f.learner.id, pointId: f.point.id, origin: 'PARCOURSUP', regime: 'FI' }, {}, lawStaff);
    expect(outside.json()).toMatchObject({ status: 403, type: 'urn:pegase:problem:outside-scope' });
    const created = await f.runtime.request(
      'POST',
      base,
      { learnerId: f.learner.id, pointId: f.point.id, origin: 'PARCOURSUP', regime: 'FI' },
      {},
      sciencesStaff,
    );
    expect(created.statusCode, created.body).toBe(201);
    const enrolment = created.json() as { id: string };
    expect(created.json()).toMatchObject({ status: 'draft', paymentStatus: 'unpaid', kind: 'main' });

    const twice = await f.runtime.request(
      'POST',
      base,
      { learnerId: f.learner.id, pointId: f.point.id, origin: 'PARCOURSUP', regime: 'FI' },
      {},
      sciencesStaff,
    );
    expect(twice.json()).toMatchObject({ status: 409, type: 'urn:pegase:problem:already-enrolled' });

    const noKey = await f.runtime.request('POST', `${base}/${enrolment.id}/submit`, undefined, {}, sciencesStaff);
    expect(noKey.statusCode).toBe(400);
    const submit = (key: string) => f.runtime.request('POST', `${base}/${enrolment.id}/submit`, undefined, { 'idempotency-key': key }, sciencesStaff);
    const first = await submit('key-0001-aaaa');
    expect(first.json()).toMatchObject({ status: 'submitted', version: 2 });
    const retry = await submit('key-0001-aaaa');
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());
    const other = await submit('key-0002-bbbb');
    expect(other.json()).toMatchObject({ status: 409, type: 'urn:pegase:problem:already-submitted' });

    const unpaid = await f.runtime.request('POST', `${base}/${enrolment.id}/validate`, undefined, {}, sciencesStaff);
    expect(unpaid.json()).toMatchObject({ status: 422, type: 'urn:pegase:problem:fees-not-settled' });
    await f.runtime.request('PUT', `${base}/${enrolment.id}/payment-status`, { paymentStatus: 'exempt' }, {}, sciencesStaff);
    const byLaw = await f.runtime.request('POST', `${base}/${enrolment.id}/validate`, undefined, {}, lawStaff);
    expect(byLaw.statusCode).toBe(403);
    const validated = await f.runtime.request('POST', `${base}/${enrolment.id}/validate`, undefined, { 'if-match': '"3"' }, sciencesStaff);
    expect(validated.statusCode, validated.body).toBe(200);
    expect(validated.json()).toMatchObject({ status: 'validated', paymentStatus: 'exempt' });
    expect(validated.json().validatedAt).not.toBeNull();

    const history = (await f.runtime.request('GET', `${base}/${enrolment.id}/history`, undefined, {}, sciencesStaff)).json().items as { action: string }[];
    expect(history.map((entry) => entry.action)).toEqual(['enrolment.validated', 'enrolment.payment-changed', 'enrolment.submitted', 'enrolment.created']);
  });

  it('shows each staff member the queue of their structures only, filtered, and cancels with a reason', async () => {
    const second = await f.runtime.request('POST', base, {
      learnerId: f.learner.id,
      pointId: f.lawPoint.id,
      origin: 'MANUELLE',
      regime: 'FC',
      kind: 'secondary',
    });
    expect(second.statusCode, second.body).toBe(201);
    const queue = async (as: ReturnType<typeof staffOf>, query = '') =>
      ((await f.runtime.request('GET', `${base}?${query}`, undefined, {}, as)).json().items as { pointId: string; status: string }[]).map((e) => e.status);
    expect(await queue(staffOf('UFR-E'))).toEqual(['validated']);
    expect(await queue(staffOf('UFR-L'))).toEqual(['draft']);
    expect(await queue(staffOf('UFR-L'), 'status=submitted')).toEqual([]);
    expect(await queue(staffOf('NOWHERE'))).toEqual([]);

    const cancelled = await f.runtime.request('POST', `${base}/${second.json().id}/cancel`, { reason: 'Erreur de saisie' }, {}, staffOf('UFR-L'));
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: 'Erreur de saisie' });
    const noReason = await f.runtime.request('POST', `${base}/${second.json().id}/cancel`, {}, {}, staffOf('UFR-L'));
    expect(noReason.statusCode).toBe(400);
    // A cancelled enrolment frees the point: the learner may be enrolled there again.
    const again = await f.runtime.request('POST', base, {
      learnerId: f.learner.id,
      pointId: f.lawPoint.id,
      origin: 'MANUELLE',
      regime: 'FC',
      kind: 'secondary',
    });
    expect(again.statusCode).toBe(201);
  });
});

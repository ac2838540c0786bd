import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, type TokenClaims } from '@pegase/platform';
import { enrolmentRuntime, staffOf } from '../../../test/enrolment-fixture.ts';

const base = '/api/enrolment/v1/enrolments';
const bulk = `${base}/bulk`;
const unknownId = '00000000-0000-4000-8000-000000000000';

describe('bulk actions on enrolments over HTTP', () => {
  let f: Awaited<ReturnType<typeof enrolmentRuntime>>;
  const sciencesStaff = staffOf('UFR-E');
  let learnerCount = 0;

  beforeAll(async () => {
    f = await enrolmentRuntime();
  });
  afterAll(async () => f.runtime.close());

  /** A new learner's enrolment at a point, submitted, with its fees as given (as an admin). */
  const submitted = async (pointId: string, paymentStatus: 'exempt' | 'unpaid') => {
    learnerCount += 1;
    const learner = await f.call('POST', '/api/enrolment/v1/learners', {
      familyName: `Lot${String.fromCharCode(64 + learnerCount)}`,
      givenNames: `Élève ${learnerCount}`,
      birthDate: `2005-0${(learnerCount % 9) + 1}-1${learnerCount % 10}`,
      birthCountry: '100',
      sex: 'M',
    });
    const enrolment = await f.call('POST', base, { learnerId: learner.id, pointId, origin: 'PARCOURSUP', regime: 'FI' });
    const submit = await f.runtime.request('POST', `${base}/${enrolment.id}/submit`, undefined, { 'idempotency-key': `bulk-test-${learnerCount}` });
    expect(submit.statusCode, submit.body).toBe(200);
    if (paymentStatus === 'exempt') await f.call('PUT', `${base}/${enrolment.id}/payment-status`, { paymentStatus }, 200);
    return enrolment.id;
  };
  const send = (body: unknown, as: TokenClaims = sciencesStaff, requestId?: string) =>
    f.runtime.request('POST', bulk, body, requestId === undefined ? {} : { 'x-request-id': requestId }, as);
  const outbox = (requestId: string) =>
    rowsOf<{ type: string; subject: string }>(
      f.runtime.database.db,
      sql`select type, subject from pegase_platform.outbox where request_id = ${requestId} order by position`,
    );
  const audit = (requestId: string) =>
    rowsOf<{ action: string; target_id: string; actor_subject: string }>(
      f.runtime.database.db,
      sql`select action, target_id, actor_subject from audit.entries where request_id = ${requestId} order by at, target_id`,
    );

  it('validates what it may, reports each refusal with the single route’s problem, in the order given, each change audited and announced', async () => {
    const ready = await submitted(f.point.id, 'exempt');
    const unpaid = await submitted(f.point.id, 'unpaid');
    const law = await submitted(f.lawPoint.id, 'exempt');
    const alsoReady = await submitted(f.point.id, 'exempt');

    const response = await send({ action: 'validate', enrolmentIds: [ready, unpaid, law, unknownId, alsoReady] }, sciencesStaff, 'bulk-validate-0001');
    expect(response.statusCode, response.body).toBe(200);
    const outcome = response.json();
    expect(outcome).toMatchObject({ done: 2, failed: 3 });
    expect(outcome.results).toEqual([
      { enrolmentId: ready, outcome: 'done', status: 'validated' },
      {
        enrolmentId: unpaid,
        outcome: 'failed',
        problem: { type: 'urn:pegase:problem:fees-not-settled', title: 'Business rule violated', status: 422, detail: expect.stringContaining('unpaid') },
      },
      {
        enrolmentId: law,
        outcome: 'failed',
        problem: { type: 'urn:pegase:problem:outside-scope', title: 'Forbidden', status: 403, detail: expect.stringContaining('UFR-E') },
      },
      {
        enrolmentId: unknownId,
        outcome: 'failed',
        problem: { type: 'urn:pegase:problem:not-found', title: 'Not found', status: 404, detail: expect.any(String) },
      },
      { enrolmentId: alsoReady, outcome: 'done', status: 'validated' },
    ]);

    // Exactly what the single route would have done: one event and one audit entry per validated enrolment, none for the others.
    expect(await outbox('bulk-validate-0001')).toEqual([
      { type: 'enrolment.enrolment.validated', subject: ready },
      { type: 'enrolment.enrolment.validated', subject: alsoReady },
    ]);
    const entries = await audit('bulk-validate-0001');
    expect(entries.map((entry) => [entry.action, entry.target_id]).sort()).toEqual(
      [
        ['enrolment.validated', ready],
        ['enrolment.validated', alsoReady],
      ].sort(),
    );
    expect(entries.every((entry) => entry.actor_subject === sciencesStaff.subject)).toBe(true);
    const status = async (id: string) => (await f.runtime.request('GET', `${base}/${id}`)).json().status as string;
    expect([await status(ready), await status(unpaid), await status(law), await status(alsoReady)]).toEqual([
      'validated',
      'submitted',
      'submitted',
      'validated',
    ]);
    const history = (await f.runtime.request('GET', `${base}/${ready}/history`, undefined, {}, sciencesStaff)).json().items as { action: string }[];
    expect(history[0]).toMatchObject({ action: 'enrolment.validated' });

    // Validating again is what the single route answers: not submitted.
    const again = (await send({ action: 'validate', enrolmentIds: [ready] })).json();
    expect(again).toMatchObject({ done: 0, failed: 1, results: [{ enrolmentId: ready, outcome: 'failed', problem: { status: 409 } }] });
    expect(again.results[0].problem.type).toBe('urn:pegase:problem:not-submitted');

    // The law faculty's staff validate their own.
    const byLaw = (await send({ action: 'validate', enrolmentIds: [law] }, staffOf('UFR-L'))).json();
    expect(byLaw).toEqual({ done: 1, failed: 0, results: [{ enrolmentId: law, outcome: 'done', status: 'validated' }] });
  });

  it('cancels with the reason, kept on each enrolment; an enrolment already cancelled changes nothing and counts as done', async () => {
    const first = await submitted(f.point.id, 'unpaid');
    const second = await submitted(f.point.id, 'exempt');
    const law = await submitted(f.lawPoint.id, 'unpaid');
    const response = await send({ action: 'cancel', enrolmentIds: [first, law, second], reason: 'Dossiers en double' }, sciencesStaff, 'bulk-cancel-0001');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      done: 2,
      failed: 1,
      results: [
        { enrolmentId: first, outcome: 'done', status: 'cancelled' },
        { enrolmentId: law, outcome: 'failed', problem: { type: 'urn:pegase:problem:outside-scope', status: 403 } },
        { enrolmentId: second, outcome: 'done', status: 'cancelled' },
      ],
    });
    expect((await f.runtime.request('GET', `${base}/${first}`)).json()).toMatchObject({ status: 'cancelled', cancelReason: 'Dossiers en double' });
    expect((await f.runtime.request('GET', `${base}/${law}`)).json()).toMatchObject({ status: 'submitted', cancelReason: null });
    expect(await outbox('bulk-cancel-0001')).toEqual([
      { type: 'enrolment.enrolment.cancelled', subject: first },
      { type: 'enrolment.enrolment.cancelled', subject: second },
    ]);
    expect((await audit('bulk-cancel-0001')).map((entry) => entry.action)).toEqual(['enrolment.cancelled', 'enrolment.cancelled']);

    const twice = await send({ action: 'cancel', enrolmentIds: [first], reason: 'Encore' }, sciencesStaff, 'bulk-cancel-0002');
    expect(twice.json()).toEqual({ done: 1, failed: 0, results: [{ enrolmentId: first, outcome: 'done', status: 'cancelled' }] });
    expect(await outbox('bulk-cancel-0002')).toEqual([]);
    expect((await f.runtime.request('GET', `${base}/${first}`)).json().cancelReason).toBe('Dossiers en double');
  });

  it('refuses a malformed request as a whole, before changing anything: no reason to cancel, no enrolment, too many, twice the same', async () => {
    const id = await submitted(f.point.id, 'exempt');
    const refused = async (body: unknown) => {
      const response = await send(body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().type).toBe('urn:pegase:problem:validation');
      return response.json().errors as { in: string; field: string; message: string }[];
    };
    expect(await refused({ action: 'cancel', enrolmentIds: [id] })).toEqual([{ in: 'body', field: '/reason', message: 'is required' }]);
    expect(await refused({ action: 'cancel', enrolmentIds: [id], reason: 'x' })).toEqual([
      { in: 'body', field: '/reason', message: 'must have at least 3 characters' },
    ]);
    expect(await refused({ action: 'validate', enrolmentIds: [id], reason: 'Pourquoi pas' })).toEqual([
      { in: 'body', field: '/reason', message: 'is not a known field' },
    ]);
    expect(await refused({ action: 'validate', enrolmentIds: [] })).toEqual([{ in: 'body', field: '/enrolmentIds', message: 'must have at least 1 items' }]);
    const many = Array.from({ length: 501 }, (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`);
    expect(await refused({ action: 'validate', enrolmentIds: many })).toEqual([{ in: 'body', field: '/enrolmentIds', message: 'must have at most 500 items' }]);
    expect((await refused({ action: 'validate', enrolmentIds: [id, id] }))[0]).toMatchObject({ field: '/enrolmentIds' });
    expect((await refused({ action: 'delete', enrolmentIds: [id] }))[0]).toMatchObject({ field: '/action' });
    expect((await refused({ action: 'validate', enrolmentIds: ['not-an-id'] }))[0]).toMatchObject({ field: '/enrolmentIds/0' });
    expect((await f.runtime.request('GET', `${base}/${id}`)).json().status).toBe('submitted');
    // 500 is the bound, not beyond it: every one is answered (none of these exists).
    const bound = (await send({ action: 'validate', enrolmentIds: many.slice(0, 500) })).json();
    expect(bound).toMatchObject({ done: 0, failed: 500 });
    expect(bound.results[499]).toMatchObject({ enrolmentId: many[499], outcome: 'failed', problem: { status: 404 } });
  });

  it('is for staff and integrations holding the write permission', async () => {
    const student: TokenClaims = { subject: 'bulk-student', roles: ['student'], learnerCode: 'PGS0000001' };
    const asStudent = await send({ action: 'validate', enrolmentIds: [unknownId] }, student);
    expect(asStudent.json()).toMatchObject({ status: 403, type: 'urn:pegase:problem:forbidden' });
    expect((await f.runtime.request('POST', bulk, { action: 'validate', enrolmentIds: [unknownId] }, {}, null)).statusCode).toBe(401);
  });
});

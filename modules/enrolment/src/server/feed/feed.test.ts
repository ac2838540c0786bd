import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenClaims } from '@pegase/platform';
import { enrolmentRuntime } from '../../../test/enrolment-fixture.ts';

const cardService: TokenClaims = { subject: 'svc-cards', roles: ['service'], clientId: 'cards' };
const staff: TokenClaims = { subject: 'staff', roles: ['staff'], structureCodes: ['UFR-E'] };

describe('the enrolments feed (NDJSON)', () => {
  let f: Awaited<ReturnType<typeof enrolmentRuntime>>;
  const lines = async (query = '') => {
    const response = await f.runtime.request('GET', `/api/enrolment/v1/feed${query}`, undefined, {}, cardService);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('application/x-ndjson');
    return response.body
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as { cursor: string; enrolment: { id: string; status: string }; learner: { code: string }; point: { path: string } });
  };
  /** Changes are streamed once settled: the test ages them instead of waiting. */
  const age = () =>
    f.runtime.database.withRawSession((session) => session.query("update enrolment.enrolments set updated_at = updated_at - interval '1 minute'"));

  beforeAll(async () => {
    f = await enrolmentRuntime();
  });
  afterAll(async () => f.runtime.close());

  it('streams every settled change once, in order, resumable from any line’s cursor, beyond any page size', async () => {
    const body = { learnerId: f.learner.id, origin: 'MANUELLE', regime: 'FI' };
    const first = await f.call('POST', '/api/enrolment/v1/enrolments', { ...body, pointId: f.point.id });
    expect(await lines()).toEqual([]); // not settled yet
    await age();
    const all = await lines();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ enrolment: { id: first.id, status: 'draft' }, learner: { code: 'PGS0000001' }, point: { path: 'LIC-E>LIC-E-Y1' } });
    expect(await lines(`?since=${all[0]!.cursor}`)).toEqual([]);

    // A change of the same enrolment comes again, after the cursor.
    await f.runtime.request('POST', `/api/enrolment/v1/enrolments/${first.id}/submit`, undefined, { 'idempotency-key': 'feed-key-0001' });
    await f.call('POST', '/api/enrolment/v1/enrolments', { ...body, pointId: f.lawPoint.id, kind: 'secondary' });
    await age();
    const next = await lines(`?since=${all[0]!.cursor}`);
    expect(next.map((line) => line.enrolment.status).sort()).toEqual(['draft', 'submitted']);

    // More changes than one batch of the stream: all of them, each once.
    await f.runtime.database.withRawSession((session) =>
      session.query(`insert into enrolment.enrolments (id, learner_id, point_id, period_id, origin, kind, regime, status, payment_status, updated_at)
                     select gen_random_uuid(), e.learner_id, e.point_id, e.period_id, 'MANUELLE', 'secondary', 'FI', 'cancelled', 'none', now() - interval '1 hour' + (n || ' ms')::interval
                       from enrolment.enrolments e, generate_series(1, 2500) n where e.id = '${first.id}'`),
    );
    const everything = await lines();
    expect(everything).toHaveLength(2502);
    expect(new Set(everything.map((line) => line.enrolment.id)).size).toBe(2502);
  });

  it('refuses a forged cursor and callers other than integrations', async () => {
    const forged = await f.runtime.request('GET', '/api/enrolment/v1/feed?since=bm90LWEtY3Vyc29y', undefined, {}, cardService);
    expect(forged.json()).toMatchObject({ status: 400, errors: [{ field: '/since' }] });
    expect((await f.runtime.request('GET', '/api/enrolment/v1/feed', undefined, {}, staff)).statusCode).toBe(403);
  });
});

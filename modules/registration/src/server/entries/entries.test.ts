import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cursus } from '../../contract/index.ts';
import { registrationRuntime, staffOf } from '../../../test/registration-fixture.ts';

describe('exemptions, credits carried over and special arrangements', () => {
  let f: Awaited<ReturnType<typeof registrationRuntime>>;
  let enrolmentId: string;
  let student: Parameters<typeof f.runtime.request>[4];
  const staff = staffOf('UFR-S');
  const algo = 'LIC-INFO>LIC-INFO-L1>S1>UE-FOND>ALGO';
  const ue = 'LIC-INFO>LIC-INFO-L1>S1>UE-FOND';
  const entryOf = (cursus: Cursus, path: string) => cursus.entries.find((entry) => entry.path === path)!;
  const send = (method: string, what: string, body?: unknown, as = staff) =>
    f.runtime.request(method, `/api/registration/v1/enrolments/${enrolmentId}/${what}`, body, {}, as);

  beforeAll(async () => {
    f = await registrationRuntime();
    const learner = await f.validatedLearner(f.infoL1.id);
    enrolmentId = learner.enrolment.id;
    student = learner.student;
    await f.runtime.drainEvents();
  });
  afterAll(async () => f.runtime.close());

  it('exempts a learner from an object with the reason, and lifts it', async () => {
    const set = await send('PUT', 'exemptions', { path: algo, reason: 'Validation des acquis (VAE)' });
    expect(set.statusCode, set.body).toBe(200);
    expect(entryOf(set.json(), algo).exemption).toEqual({ reason: 'Validation des acquis (VAE)' });
    const point = await send('PUT', 'exemptions', { path: 'LIC-INFO>LIC-INFO-L1', reason: 'Tout' });
    expect(point.statusCode).toBe(422);
    expect(point.json().detail).toMatch(/enrolment point/);
    // A student cannot exempt themselves: the route is the scolarité's.
    expect((await send('PUT', 'exemptions', { path: algo, reason: 'Moi-même' }, student as never)).statusCode).toBe(403);
    const lifted = await f.runtime.request(
      'DELETE',
      `/api/registration/v1/enrolments/${enrolmentId}/exemptions?path=${encodeURIComponent(algo)}`,
      undefined,
      {},
      staff,
    );
    expect(lifted.statusCode, lifted.body).toBe(200);
    expect(entryOf(lifted.json(), algo).exemption).toBeNull();
  });

  it('records a credit carried over with its mark in exact decimal, and refuses a mark out of range or an exemption on top', async () => {
    const set = await send('PUT', 'carried-credits', { path: ue, mark: '14.250', fromPeriod: '2025-2026' });
    expect(set.statusCode, set.body).toBe(200);
    expect(entryOf(set.json(), ue).carriedOver).toEqual({ mark: '14.25', fromPeriod: '2025-2026' });
    const tooHigh = await send('PUT', 'carried-credits', { path: ue, mark: '20.5', fromPeriod: '2025-2026' });
    expect(tooHigh.statusCode).toBe(400);
    expect(tooHigh.json().errors[0].field).toBe('/mark');
    const both = await send('PUT', 'exemptions', { path: ue, reason: 'Double' });
    expect(both.statusCode).toBe(422);
    expect(both.json().detail).toMatch(/already acquired from 2025-2026/);
  });

  it('keeps the special arrangements as a whole list', async () => {
    const set = await send('PUT', 'arrangements', {
      arrangements: [
        { code: 'TIERS-TEMPS', details: 'Un tiers de temps en plus' },
        { code: 'SALLE-ISOLEE', details: '' },
      ],
    });
    expect(set.statusCode, set.body).toBe(200);
    expect((set.json() as Cursus).arrangements.map((item) => item.code)).toEqual(['SALLE-ISOLEE', 'TIERS-TEMPS']);
    const twice = await send('PUT', 'arrangements', {
      arrangements: [
        { code: 'A', details: '' },
        { code: 'A', details: 'x' },
      ],
    });
    expect(twice.statusCode).toBe(422);
    const mine = await f.runtime.request('GET', `/api/registration/v1/me/enrolments/${enrolmentId}/cursus`, undefined, {}, student);
    expect((mine.json() as Cursus).arrangements).toHaveLength(2);
  });
});

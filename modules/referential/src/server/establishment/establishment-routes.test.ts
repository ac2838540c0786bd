import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRuntime, type TestRuntime } from '@pegase/platform/testing';
import { referentialModule } from '../module.ts';

const path = '/api/referential/v1/establishment';

describe('establishment over HTTP', () => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await createTestRuntime([referentialModule]);
  });
  afterAll(async () => runtime.close());

  it('says how to set it up while it is not set', async () => {
    const response = await runtime.request('GET', path);
    expect(response.statusCode).toBe(404);
    expect(response.json().detail).toContain('PUT /api/referential/v1/establishment');
  });

  it('refuses a UAI with a wrong control letter and says the right one, writing nothing', async () => {
    const response = await runtime.request('PUT', path, { uai: '0751717K', name: 'Université' });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ type: 'urn:pegase:problem:invalid-uai', errors: [{ field: '/uai', message: 'control letter should be J' }] });
    expect((await runtime.request('GET', path)).statusCode).toBe(404);
  });

  it('refuses a malformed UAI and unknown fields by schema', async () => {
    const response = await runtime.request('PUT', path, { uai: '75171', name: 'Université', motto: 'Fiat lux' });
    expect(response.statusCode).toBe(400);
    expect((response.json().errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['/motto', '/uai']);
  });

  it('creates it once (201), then replaces it (200) with optimistic concurrency, announcing each change', async () => {
    await runtime.drainEvents();
    const created = await runtime.request('PUT', path, { uai: '0751717J', name: 'Université Pégase', shortName: 'UPG' });
    expect(created.statusCode).toBe(201);
    expect(created.headers['etag']).toBe('"1"');

    const replaced = await runtime.request('PUT', path, { uai: '0751717J', name: 'Université Pégase Paris', city: 'Paris' }, { 'if-match': '"1"' });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json()).toMatchObject({ name: 'Université Pégase Paris', shortName: null, city: 'Paris', version: 2 });

    const stale = await runtime.request('PUT', path, { uai: '0751717J', name: 'Lost update' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect((await runtime.request('GET', path)).json().name).toBe('Université Pégase Paris');

    const events = await runtime.database.withRawSession((s) =>
      s.query<{ type: string }>("select type from pegase_platform.outbox where type = 'referential.establishment.updated'"),
    );
    expect(events).toHaveLength(2);
  });
});

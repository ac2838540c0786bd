import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Type } from 'typebox';
import { defineModule } from '../module/module.ts';
import { fixtureModule } from '../testing/fixture-module/fixture-module.ts';
import { createTestRuntime, type TestRuntime } from '../testing/test-runtime.ts';

describe('the HTTP kernel', () => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await createTestRuntime([fixtureModule()], { env: { PEGASE_BODY_LIMIT_BYTES: '2048' } });
  });
  afterAll(async () => runtime.close());

  it('answers an unknown route with a problem that says where the API is described', async () => {
    const response = await runtime.request('GET', '/api/nothing/here?x=1');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({
      type: 'urn:pegase:problem:not-found',
      status: 404,
      instance: '/api/nothing/here',
      detail: expect.stringContaining('/api/openapi.json'),
    });
  });

  it('refuses malformed JSON, a wrong media type and a body over the limit with problems, never a 500', async () => {
    const malformed = await runtime.request('POST', '/api/fixture/v1/notes', '{"text":', { 'content-type': 'application/json' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().type).toBe('urn:pegase:problem:malformed-body');

    const wrongType = await runtime.request('POST', '/api/fixture/v1/notes', 'text=hello', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json().type).toBe('urn:pegase:problem:unsupported-media-type');

    const tooLarge = await runtime.request('POST', '/api/fixture/v1/notes', { text: 'x'.repeat(5000) });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().type).toBe('urn:pegase:problem:payload-too-large');
  });

  it('does not coerce body types: a number sent as a string is an error naming the field', async () => {
    const response = await runtime.request('POST', '/api/fixture/v1/notes', { text: 'ok', failAfterWrite: 'true' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ in: 'body', field: '/failAfterWrite', message: 'must be true or false' }]);
  });

  it('keeps a sane caller request id, replaces an insane one, and returns it', async () => {
    const kept = await runtime.request('GET', '/health/live', undefined, { 'x-request-id': 'gateway-12345678' });
    expect(kept.headers['x-request-id']).toBe('gateway-12345678');
    expect(kept.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'x-frame-options': 'DENY' });
    const replaced = await runtime.request('GET', '/health/live', undefined, { 'x-request-id': 'bad id\nwith newline' });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const problem = await runtime.request('GET', '/nowhere', undefined, { 'x-request-id': 'trace-abcdefgh' });
    expect(problem.json().requestId).toBe('trace-abcdefgh');
  });

  it('reports liveness, readiness and Prometheus metrics per route template', async () => {
    expect((await runtime.request('GET', '/health/live')).json()).toEqual({ status: 'live' });
    expect((await runtime.request('GET', '/health/ready')).json()).toEqual({ status: 'ready' });
    await runtime.request('GET', '/api/fixture/v1/slow');
    const metrics = await runtime.request('GET', '/metrics');
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.body).toMatch(/http_request_duration_seconds_count\{[^}]*route="\/api\/fixture\/v1\/slow"[^}]*\} 1/);
    expect(metrics.body).toContain('process_cpu_seconds_total');
  });

  it('counts the business events of committed changes, by type, not those of a rolled-back one', async () => {
    const committed = async () => {
      const line = /^pegase_events_committed_total\{[^}]*type="fixture\.note\.written"[^}]*\} (\d+)$/m.exec((await runtime.request('GET', '/metrics')).body);
      return Number(line?.[1] ?? 0);
    };
    const before = await committed();
    expect((await runtime.request('POST', '/api/fixture/v1/notes', { text: 'counted' })).statusCode).toBe(201);
    expect((await runtime.request('POST', '/api/fixture/v1/notes', { text: 'rolled back', failAfterWrite: true })).statusCode).toBe(422);
    expect(await committed()).toBe(before + 1);
  });

  it('generates OpenAPI 3.1 with each route’s access rule and problem responses', async () => {
    const doc = (await runtime.request('GET', '/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    const write = doc.paths['/api/fixture/v1/notes'].post;
    expect(write).toMatchObject({ operationId: 'writeNote', security: [{ bearer: [] }], 'x-pegase-access': 'fixture.write', tags: ['fixture'] });
    expect(write.responses['4XX'].content['application/problem+json'].schema.$ref).toBe('#/components/schemas/Problem');
    expect(doc.paths['/api/fixture/v1/slow'].get.security).toEqual([]);
    expect(doc.paths['/health/ready'].get.tags).toEqual(['operations']);

    const moduleDoc = (await runtime.request('GET', '/api/fixture/v1/openapi.json')).json();
    expect(Object.keys(moduleDoc.paths).sort()).toEqual(['/api/fixture/v1/notes', '/api/fixture/v1/slow']);
    expect((await runtime.request('GET', '/api/docs/')).statusCode).toBe(200);
  });
});

describe('route declarations', () => {
  const moduleWith = (config: Record<string, unknown>, schema: Record<string, unknown>) =>
    defineModule({
      name: 'careless',
      title: 'Careless',
      description: 'Test module.',
      migrations: new URL('../testing/fixture-module/no-migrations/', import.meta.url),
      permissions: [{ name: 'careless.read', description: 'Read.', roles: ['staff'] }],
      events: [],
      async routes(app) {
        app.get('/things', { config, schema: { response: { 200: Type.Object({}) }, ...schema } }, async () => ({}));
      },
    });

  it.each([
    ['no access rule', {}, { summary: 's', operationId: 'o' }, /declares no access rule/],
    ['an undeclared permission', { access: { permission: 'careless.write' } }, { summary: 's', operationId: 'o' }, /does not declare/],
    ['no summary', { access: { public: true } }, { operationId: 'o' }, /needs schema.summary and schema.operationId/],
  ])('refuse to start a route with %s', async (_case, config, schema, message) => {
    await expect(createTestRuntime([moduleWith(config, schema)])).rejects.toThrow(message);
  });
});

describe('readiness', () => {
  it('is 503 with the pending migration named when migrations were not applied', async () => {
    const runtime = await createTestRuntime([fixtureModule()], { env: { PEGASE_MIGRATE_ON_START: 'false' } });
    try {
      const response = await runtime.request('GET', '/health/ready', undefined, {}, null);
      expect(response.statusCode).toBe(503);
      expect(response.json().detail).toMatch(/migration\(s\) not applied yet, e\.g\. pegase_platform\/0001-outbox-and-inbox; run `pegase migrate`/);
    } finally {
      await runtime.close();
    }
  });
});

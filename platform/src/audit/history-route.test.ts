import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notFound } from '../errors/problem.ts';
import { defineEvent } from '../events/event.ts';
import { originOf } from '../http/origin.ts';
import { defineModule, type PegaseModule } from '../module/module.ts';
import { createTestRuntime, type TestRuntime } from '../testing/test-runtime.ts';
import { historyRoute } from './history-route.ts';

const Params = Type.Object({ id: Type.String({ pattern: '^T[0-9]+$' }) }, { additionalProperties: false });
const known = new Set(['T1', 'T2']);

/** Two modules that both audit changes of a `thing` with the same ids; only alpha has a history route. */
function thingModule(name: 'alpha' | 'beta'): PegaseModule {
  const changed = defineEvent(`${name}.thing.changed`, 'A thing changed.', Type.Object({ label: Type.String() }));
  return defineModule({
    name,
    title: name,
    description: 'Test module.',
    migrations: new URL('../testing/fixture-module/no-migrations/', import.meta.url),
    permissions: [
      { name: `${name}.write`, description: 'Change things.', roles: ['service'] },
      { name: `${name}.history.read`, description: 'Read the history of things.', roles: ['staff'] },
    ],
    events: [changed],
    async routes(app, context) {
      app.post(
        '/things/:id',
        {
          config: { access: { permission: `${name}.write` } },
          schema: { summary: 'Change a thing.', operationId: 'changeThing', params: Params, body: Type.Object({ label: Type.String() }) },
        },
        async (request, reply) => {
          await context.transaction((tx) =>
            context.publish(tx, changed, request.body, { subject: request.params.id, origin: originOf(request), before: { label: 'old' } }),
          );
          return reply.status(204).send();
        },
      );
      if (name === 'alpha')
        historyRoute(app, context, {
          url: '/things/:id/history',
          params: Params,
          targetType: 'thing',
          targetIdOf: (params) => params.id,
          ensureExists: async (params) => {
            if (!known.has(params.id)) throw notFound('Thing', params.id);
          },
          permission: 'alpha.history.read',
          summary: 'The history of a thing.',
          operationId: 'getThingHistory',
        });
    },
  });
}

const service = { subject: 'svc', roles: ['service' as const], clientId: 'svc' };
const staff = { subject: 'staff-1', login: 'staff.one', roles: ['staff' as const] };

describe('historyRoute', () => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await createTestRuntime([thingModule('alpha'), thingModule('beta')]);
    for (const [module, id, label] of [
      ['alpha', 'T1', 'one'],
      ['beta', 'T1', 'beta one'],
      ['alpha', 'T2', 'two'],
      ['alpha', 'T1', 'one again'],
      ['alpha', 'T1', 'one at last'],
    ] as const) {
      const response = await runtime.request('POST', `/api/${module}/v1/things/${id}`, { label }, {}, service);
      expect(response.statusCode, response.body).toBe(204);
    }
  });
  afterAll(async () => runtime.close());

  const history = (query = '', id = 'T1', as: Parameters<TestRuntime['request']>[4] = staff) =>
    runtime.request('GET', `/api/alpha/v1/things/${id}/history${query}`, undefined, {}, as);

  it('answers the entries of the calling module for that target only, newest first', async () => {
    const response = await history();
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json() as { items: { module: string; target: { type: string; id: string }; after: { label: string } }[]; nextCursor: null };
    expect(page.items.map((e) => e.after.label)).toEqual(['one at last', 'one again', 'one']);
    expect(page.items.every((e) => e.module === 'alpha' && e.target.type === 'thing' && e.target.id === 'T1')).toBe(true);
    expect(page.nextCursor).toBeNull();
    expect((await history('', 'T2')).json().items).toHaveLength(1);
  });

  it('pages by cursor with the limit asked, and refuses a limit outside 1–200', async () => {
    const first = (await history('?limit=2')).json();
    expect(first.items.map((e: { after: { label: string } }) => e.after.label)).toEqual(['one at last', 'one again']);
    const second = (await history(`?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((e: { after: { label: string } }) => e.after.label)).toEqual(['one']);
    expect(second.nextCursor).toBeNull();
    for (const query of ['?limit=0', '?limit=201', '?cursor=%7B', '?other=1']) expect((await history(query)).statusCode, query).toBe(400);
  });

  it('answers the module’s 404 for a record that does not exist, even without entries', async () => {
    const response = await history('', 'T9');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ type: 'urn:pegase:problem:not-found', detail: 'Thing T9 does not exist.' });
  });

  it('checks the declared permission and documents the route', async () => {
    expect((await history('', 'T1', service)).statusCode).toBe(403);
    expect((await history('', 'T1', null)).statusCode).toBe(401);
    const document = (await runtime.request('GET', '/api/alpha/v1/openapi.json')).json();
    const operation = document.paths['/api/alpha/v1/things/{id}/history'].get;
    expect(operation).toMatchObject({ operationId: 'getThingHistory', summary: 'The history of a thing.', 'x-pegase-access': 'alpha.history.read' });
    expect(operation.parameters.find((p: { name: string }) => p.name === 'limit').schema).toMatchObject({ minimum: 1, maximum: 200, default: 50 });
  });
});

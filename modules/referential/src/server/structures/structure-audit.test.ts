import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRuntime, type TestRuntime } from '@pegase/platform/testing';
import { referentialModule } from '../module.ts';

const staff = { subject: 'u-42', login: 'marie.curie', roles: ['staff' as const], structureCodes: ['AUD-TOP'] };

describe('the audit trail of referential changes', () => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await createTestRuntime([referentialModule]);
  });
  afterAll(async () => runtime.close());

  it('records who changed a structure, when, the old and the new value, and the request', async () => {
    const top = (await runtime.request('POST', '/api/referential/v1/structures', { code: 'AUD-TOP', type: 'ufr', labels: { fr: 'Avant' } })).json();
    const changed = await runtime.request(
      'PATCH',
      `/api/referential/v1/structures/${top.id}`,
      { labels: { fr: 'Après', en: 'After' } },
      { 'x-request-id': 'audit-test-0001' },
      staff,
    );
    expect(changed.statusCode).toBe(200);

    const trail = await runtime.request('GET', `/api/audit/v1/entries?targetType=structure&targetId=${top.id}`);
    expect(trail.statusCode).toBe(200);
    const [latest, creation] = trail.json().items;
    expect(latest).toMatchObject({
      actor: { subject: 'u-42', login: 'marie.curie', roles: ['staff'] },
      module: 'referential',
      action: 'structure.updated',
      target: { type: 'structure', id: top.id },
      changedFields: ['labels'],
      before: { labels: { fr: 'Avant' }, version: 1 },
      after: { labels: { fr: 'Après', en: 'After' }, version: 2 },
      requestId: 'audit-test-0001',
    });
    expect(creation).toMatchObject({ action: 'structure.created', before: null, actor: { subject: 'test-admin' } });
    expect(Date.parse(latest.at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('finds entries by actor and time range, pages newest first, and is for admins only', async () => {
    const byActor = (await runtime.request('GET', '/api/audit/v1/entries?actor=marie.curie')).json();
    expect(byActor.items.every((e: { actor: { login: string } }) => e.actor.login === 'marie.curie')).toBe(true);
    const future = (await runtime.request('GET', `/api/audit/v1/entries?from=${new Date(Date.now() + 3_600_000).toISOString()}`)).json();
    expect(future.items).toEqual([]);
    const first = (await runtime.request('GET', '/api/audit/v1/entries?limit=1')).json();
    const second = (await runtime.request('GET', `/api/audit/v1/entries?limit=1&cursor=${first.nextCursor}`)).json();
    expect(second.items[0].id).not.toBe(first.items[0].id);
    expect(Date.parse(second.items[0].at)).toBeLessThanOrEqual(Date.parse(first.items[0].at));
    expect((await runtime.request('GET', '/api/audit/v1/entries', undefined, {}, staff)).statusCode).toBe(403);
  });

  it('cannot be rewritten or deleted, even with SQL', async () => {
    await expect(runtime.database.db.execute(sql`update audit.entries set actor_login = 'someone else'`)).rejects.toThrow();
    await expect(runtime.database.db.execute(sql`delete from audit.entries`)).rejects.toThrow();
    const kept = (await runtime.request('GET', '/api/audit/v1/entries?actor=marie.curie')).json();
    expect(kept.items.length).toBeGreaterThan(0);
  });

  it('records nothing for a refused change', async () => {
    const before = (await runtime.request('GET', '/api/audit/v1/entries?limit=200')).json().items.length;
    const refused = await runtime.request('POST', '/api/referential/v1/structures', { code: 'AUD-TOP', type: 'ufr', labels: { fr: 'Doublon' } });
    expect(refused.statusCode).toBe(409);
    expect((await runtime.request('GET', '/api/audit/v1/entries?limit=200')).json().items.length).toBe(before);
  });
});

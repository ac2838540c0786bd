import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenClaims } from '@pegase/platform';
import { createTestRuntime, type TestRuntime } from '@pegase/platform/testing';
import { referentialModule } from '../module.ts';

const base = '/api/referential/v1/structures';
const staff: TokenClaims = { subject: 'u-hist', login: 'ada.lovelace', roles: ['staff'], structureCodes: ['HIST-A', 'HIST-B'] };
const student: TokenClaims = { subject: 'u-student', roles: ['student'], learnerCode: 'L-HIST' };
const teacher: TokenClaims = { subject: 'u-teacher', roles: ['teacher'], structureCodes: ['HIST-A'] };
const service: TokenClaims = { subject: 'u-service', roles: ['service'], clientId: 'hist' };

interface Entry {
  id: string;
  at: string;
  action: string;
  module: string;
  target: { type: string; id: string };
  actor: { subject: string; login: string | null };
  changedFields: string[];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

describe('the history of a structure over HTTP', () => {
  let runtime: TestRuntime;
  let a: { id: string };
  let b: { id: string };

  beforeAll(async () => {
    runtime = await createTestRuntime([referentialModule]);
    const create = async (code: string) => {
      const response = await runtime.request('POST', base, { code, type: 'ufr', labels: { fr: `Avant ${code}` } });
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as { id: string };
    };
    a = await create('HIST-A');
    b = await create('HIST-B');
    const patch = async (id: string, body: Record<string, unknown>) => {
      const response = await runtime.request('PATCH', `${base}/${id}`, body, {}, staff);
      expect(response.statusCode, response.body).toBe(200);
    };
    await patch(a.id, { labels: { fr: 'Après', en: 'After' } });
    await patch(b.id, { labels: { fr: 'Autre' } });
    await patch(a.id, { type: 'institute', closedOn: '2040-08-31' });
  });
  afterAll(async () => runtime.close());

  const history = async (id: string, query = '', as: TokenClaims = staff) => runtime.request('GET', `${base}/${id}/history${query}`, undefined, {}, as);

  it('shows staff who changed which fields, from which value to which, newest first', async () => {
    const response = await history(a.id);
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json() as { items: Entry[]; nextCursor: string | null };
    expect(page.nextCursor).toBeNull();
    expect(page.items.map((e) => e.action)).toEqual(['structure.updated', 'structure.updated', 'structure.created']);
    const [latest, labels, creation] = page.items;
    expect(latest).toMatchObject({
      module: 'referential',
      target: { type: 'structure', id: a.id },
      actor: { subject: 'u-hist', login: 'ada.lovelace' },
      changedFields: ['closedOn', 'type'],
      before: { type: 'ufr', closedOn: null },
      after: { type: 'institute', closedOn: '2040-08-31' },
    });
    expect(labels).toMatchObject({
      actor: { login: 'ada.lovelace' },
      changedFields: ['labels'],
      before: { labels: { fr: 'Avant HIST-A' }, version: 1 },
      after: { labels: { fr: 'Après', en: 'After' }, version: 2 },
    });
    expect(creation).toMatchObject({ actor: { login: 'test-admin' }, before: null, after: { code: 'HIST-A' } });
    const times = page.items.map((e) => Date.parse(e.at));
    expect([...times].sort((x, y) => y - x)).toEqual(times);
  });

  it('never mixes in the entries of another record', async () => {
    const ofA = (await history(a.id)).json() as { items: Entry[] };
    const ofB = (await history(b.id)).json() as { items: Entry[] };
    expect(ofA.items.every((e) => e.target.id === a.id)).toBe(true);
    expect(ofB.items.map((e) => [e.target.id, e.action])).toEqual([
      [b.id, 'structure.updated'],
      [b.id, 'structure.created'],
    ]);
  });

  it('pages with a cursor, one entry at a time, without skipping or repeating', async () => {
    const all = ((await history(a.id)).json() as { items: Entry[] }).items.map((e) => e.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await history(a.id, `?limit=1${cursor === null ? '' : `&cursor=${cursor}`}`);
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json() as { items: Entry[]; nextCursor: string | null };
      expect(page.items).toHaveLength(1);
      seen.push(page.items[0]!.id);
      cursor = page.nextCursor;
    } while (cursor !== null && seen.length < 10);
    expect(seen).toEqual(all);
    expect(seen).toHaveLength(3);
  });

  it('is refused to students, teachers and integrations (403), and to anonymous callers (401)', async () => {
    for (const caller of [student, teacher, service]) {
      const response = await history(a.id, '', caller);
      expect(response.statusCode, caller.roles.join()).toBe(403);
      expect(response.json().type).toBe('urn:pegase:problem:forbidden');
    }
    expect((await runtime.request('GET', `${base}/${a.id}/history`, undefined, {}, null)).statusCode).toBe(401);
    expect((await history(a.id, '', { subject: 'test-admin', login: 'test-admin', roles: ['admin'] })).statusCode).toBe(200);
  });

  it('answers 404 problem+json for an unknown structure, 400 for a bad id, limit or cursor', async () => {
    const missing = await history('00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.json()).toMatchObject({ type: 'urn:pegase:problem:not-found', detail: 'Structure 00000000-0000-4000-8000-000000000000 does not exist.' });
    expect((await history('not-a-uuid')).statusCode).toBe(400);
    expect((await history(a.id, '?limit=0')).statusCode).toBe(400);
    expect((await history(a.id, '?limit=201')).statusCode).toBe(400);
    expect((await history(a.id, '?cursor=garbage')).statusCode).toBe(400);
    expect((await history(a.id, '?sort=at')).statusCode).toBe(400);
  });
});

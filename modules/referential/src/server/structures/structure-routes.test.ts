import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRuntime, type TestRuntime } from '@pegase/platform/testing';
import { referentialModule } from '../module.ts';

const base = '/api/referential/v1/structures';

describe('structures over HTTP', () => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await createTestRuntime([referentialModule]);
  });
  afterAll(async () => runtime.close());

  async function create(body: Record<string, unknown>) {
    const response = await runtime.request('POST', base, body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; code: string; version: number; ancestorIds: string[]; parentId: string | null };
  }

  it('creates a tree and reads it back with its ancestors', async () => {
    const faculty = await create({ code: 'UFR-A', type: 'ufr', labels: { fr: 'UFR A', en: 'Faculty A' } });
    const department = await create({ code: 'A-DEP1', type: 'department', labels: { fr: 'Département 1' }, parentId: faculty.id });
    expect(department.ancestorIds).toEqual([faculty.id]);

    const read = await runtime.request('GET', `${base}/${department.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.headers['etag']).toBe('"1"');
    expect(read.json()).toMatchObject({ code: 'A-DEP1', parentId: faculty.id, labels: { fr: 'Département 1' } });
  });

  it('lists the structures still without an English label, within a subtree (the staff work queue)', async () => {
    const faculty = await create({ code: 'UFR-Q', type: 'ufr', labels: { fr: 'UFR Q', en: 'Faculty Q' } });
    await create({ code: 'Q-DONE', type: 'department', labels: { fr: 'Fait', en: 'Done' }, parentId: faculty.id });
    await create({ code: 'Q-TODO', type: 'department', labels: { fr: 'À traduire' }, parentId: faculty.id });
    await create({ code: 'ELSEWHERE-TODO', type: 'service', labels: { fr: 'Ailleurs' } });
    const codes = async (query: string) => ((await runtime.request('GET', `${base}?${query}`)).json().items as { code: string }[]).map((s) => s.code);
    expect(await codes(`within=${faculty.id}&englishLabel=false`)).toEqual(['Q-TODO']);
    expect(await codes(`within=${faculty.id}&englishLabel=true`)).toEqual(['Q-DONE', 'UFR-Q']);
    expect(await codes('englishLabel=false&q=TODO')).toEqual(['ELSEWHERE-TODO', 'Q-TODO']);
    expect((await runtime.request('GET', `${base}?englishLabel=maybe`)).statusCode).toBe(400);
  });

  it('refuses a duplicate code with 409 naming the field, and writes nothing', async () => {
    await create({ code: 'DUP', type: 'service', labels: { fr: 'Service' } });
    const again = await runtime.request('POST', base, { code: 'DUP', type: 'service', labels: { fr: 'Autre' } });
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.json()).toMatchObject({ type: 'urn:pegase:problem:duplicate-code', errors: [{ field: '/code' }] });
    const list = await runtime.request('GET', `${base}?q=DUP`);
    expect(list.json().items).toHaveLength(1);
  });

  it('names every invalid field: unknown field, wrong type, bad pattern, bad enum', async () => {
    const response = await runtime.request('POST', base, { code: 'bad code', type: 'castle', labels: { fr: 3 }, colour: 'blue' });
    expect(response.statusCode).toBe(400);
    const fields = (response.json().errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(expect.arrayContaining(['/code', '/colour', '/labels/fr', '/type']));
  });

  it('refuses an unknown parent with 422, and an unknown id with 404', async () => {
    const orphan = await runtime.request('POST', base, {
      code: 'ORPHAN',
      type: 'department',
      labels: { fr: 'x' },
      parentId: '00000000-0000-4000-8000-000000000000',
    });
    expect(orphan.statusCode).toBe(422);
    expect(orphan.json().errors[0].field).toBe('/parentId');
    const missing = await runtime.request('GET', `${base}/00000000-0000-4000-8000-000000000000`);
    expect(missing.statusCode).toBe(404);
    const malformed = await runtime.request('GET', `${base}/not-a-uuid`);
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0]).toMatchObject({ in: 'params', field: '/id' });
  });

  it('moves a subtree, rewriting the ancestors of every descendant, and refuses a cycle', async () => {
    const top = await create({ code: 'MV-TOP', type: 'ufr', labels: { fr: 'Top' } });
    const middle = await create({ code: 'MV-MID', type: 'department', labels: { fr: 'Mid' }, parentId: top.id });
    const leaf = await create({ code: 'MV-LEAF', type: 'laboratory', labels: { fr: 'Leaf' }, parentId: middle.id });
    const other = await create({ code: 'MV-OTHER', type: 'ufr', labels: { fr: 'Other' } });

    const cycle = await runtime.request('PATCH', `${base}/${top.id}`, { parentId: leaf.id });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json().type).toBe('urn:pegase:problem:structure-cycle');

    const moved = await runtime.request('PATCH', `${base}/${middle.id}`, { parentId: other.id });
    expect(moved.statusCode, moved.body).toBe(200);
    const leafAfter = (await runtime.request('GET', `${base}/${leaf.id}`)).json();
    expect(leafAfter.ancestorIds).toEqual([other.id, middle.id]);

    const subtree = await runtime.request('GET', `${base}?within=${other.id}&sort=code`);
    expect(subtree.json().items.map((s: { code: string }) => s.code)).toEqual(['MV-LEAF', 'MV-MID', 'MV-OTHER']);
    const oldSubtree = await runtime.request('GET', `${base}?within=${top.id}`);
    expect(oldSubtree.json().items.map((s: { code: string }) => s.code)).toEqual(['MV-TOP']);
  });

  it('refuses a stale If-Match with 412 and keeps the newer change', async () => {
    const s = await create({ code: 'CONC', type: 'service', labels: { fr: 'Avant' } });
    const first = await runtime.request('PATCH', `${base}/${s.id}`, { labels: { fr: 'Première' } }, { 'if-match': '"1"' });
    expect(first.statusCode).toBe(200);
    const second = await runtime.request('PATCH', `${base}/${s.id}`, { labels: { fr: 'Seconde' } }, { 'if-match': '"1"' });
    expect(second.statusCode).toBe(412);
    expect((await runtime.request('GET', `${base}/${s.id}`)).json().labels.fr).toBe('Première');
  });

  it('pages with a cursor in both sort directions without gaps or repeats', async () => {
    for (const n of [1, 2, 3, 4, 5]) await create({ code: `PAGE-${n}`, type: 'service', labels: { fr: `Page ${6 - n}` } });
    for (const sort of ['code', '-code', 'label', '-label']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const response = await runtime.request('GET', `${base}?q=PAGE-&limit=2&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(response.statusCode).toBe(200);
        const page = response.json() as { items: { code: string }[]; nextCursor: string | null };
        seen.push(...page.items.map((i) => i.code));
        cursor = page.nextCursor;
      } while (cursor !== null);
      const expected = ['PAGE-1', 'PAGE-2', 'PAGE-3', 'PAGE-4', 'PAGE-5'];
      const ascending = sort === 'code' || sort === '-label';
      expect(seen, sort).toEqual(ascending ? expected : [...expected].reverse());
    }
    const first = (await runtime.request('GET', `${base}?q=PAGE-&limit=2&sort=code`)).json();
    const mismatch = await runtime.request('GET', `${base}?q=PAGE-&limit=2&sort=label&cursor=${first.nextCursor}`);
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().errors[0].field).toBe('/cursor');
  });

  it('announces creations and moves through the outbox', async () => {
    await runtime.drainEvents();
    const s = await create({ code: 'EVT', type: 'service', labels: { fr: 'Événement' } });
    const delivered = await runtime.drainEvents();
    expect(delivered).toBe(1);
    const rows = await runtime.database.withRawSession((session) =>
      session.query<{ type: string; subject: string; published: boolean }>(
        'select type, subject, published_at is not null as published from pegase_platform.outbox where subject = $1',
        [s.id],
      ),
    );
    expect(rows).toEqual([{ type: 'referential.structure.created', subject: s.id, published: true }]);
  });
});

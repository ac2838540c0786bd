import { systemOrigin } from '@pegase/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { createTestRuntime, type TestRuntime, testAdmin } from '@pegase/platform/testing';
import { referentialModule } from '../module.ts';
import { CSV_BODY_LIMIT } from './nomenclature-routes.ts';
import { loadSandboxNomenclatures, sandboxNomenclatureCode, sandboxNomenclatureFolder } from './nomenclature-sandbox.ts';

const base = '/api/referential/v1/nomenclatures';
const csv = { 'content-type': 'text/csv' };
const header = 'code,label_fr,label_en,valid_from,valid_to';

interface Value {
  id: string;
  code: string;
  labels: { fr: string; en?: string };
  validFrom: string;
  validTo: string | null;
  version: number;
}

describe('nomenclatures over HTTP', () => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await createTestRuntime([referentialModule]);
  });
  afterAll(async () => runtime.close());

  async function createNomenclature(code: string) {
    const response = await runtime.request('POST', base, { code, labels: { fr: `Nomenclature ${code}` } });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { code: string; version: number };
  }

  async function createValue(nomenclature: string, body: Record<string, unknown>) {
    const response = await runtime.request('POST', `${base}/${nomenclature}/values`, body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Value;
  }

  async function allValues(nomenclature: string, query = ''): Promise<Value[]> {
    const response = await runtime.request('GET', `${base}/${nomenclature}/values?limit=200&sort=validFrom${query}`);
    expect(response.statusCode, response.body).toBe(200);
    // Sorted by validFrom, then (the page's tie-break is the random id) by code.
    return (response.json().items as Value[]).sort((a, b) => a.validFrom.localeCompare(b.validFrom) || a.code.localeCompare(b.code));
  }

  async function outbox(sql: string, params: unknown[]) {
    return runtime.database.withRawSession((session) => session.query<Record<string, unknown>>(sql, params));
  }

  it('creates, reads, lists and changes a nomenclature', async () => {
    const created = await runtime.request('POST', base, { code: 'CRUD', labels: { fr: 'Essai', en: 'Test' }, description: 'Pour les tests' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.headers['location']).toBe(`${base}/CRUD`);
    expect(created.json()).toMatchObject({ code: 'CRUD', labels: { fr: 'Essai', en: 'Test' }, description: 'Pour les tests', version: 1 });

    const read = await runtime.request('GET', `${base}/CRUD`);
    expect(read.statusCode).toBe(200);
    expect(read.headers['etag']).toBe('"1"');

    const patched = await runtime.request('PATCH', `${base}/CRUD`, { labels: { fr: 'Essai modifié' }, description: null }, { 'if-match': '"1"' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.headers['etag']).toBe('"2"');
    expect(patched.json()).toMatchObject({ labels: { fr: 'Essai modifié' }, description: null, version: 2 });

    const list = await runtime.request('GET', `${base}?q=modifié`);
    expect(list.json().items.map((n: { code: string }) => n.code)).toEqual(['CRUD']);
  });

  it('refuses a duplicate nomenclature code with 409 on /code, and an unknown one with 404', async () => {
    await createNomenclature('DUP');
    const again = await runtime.request('POST', base, { code: 'DUP', labels: { fr: 'Autre' } });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ type: 'urn:pegase:problem:duplicate-code', errors: [{ in: 'body', field: '/code' }] });
    for (const url of [`${base}/NOPE`, `${base}/NOPE/values`, `${base}/NOPE/values/X/at/2024-01-01`]) {
      const missing = await runtime.request('GET', url);
      expect(missing.statusCode, url).toBe(404);
      expect(missing.json().detail).toBe('Nomenclature NOPE does not exist.');
    }
    expect((await runtime.request('POST', `${base}/NOPE/values`, { code: 'A', labels: { fr: 'a' }, validFrom: '2000-01-01' })).statusCode).toBe(404);
    expect((await runtime.request('POST', `${base}/NOPE/values/import`, `${header}\n`, csv)).statusCode).toBe(404);
    expect((await runtime.request('GET', `${base}/not-a-code`)).json().errors[0]).toMatchObject({ in: 'params', field: '/code' });
  });

  it('pages nomenclatures by code in both directions', async () => {
    for (const n of [1, 2, 3]) await createNomenclature(`PAGE-${n}`);
    for (const sort of ['code', '-code']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const response = await runtime.request('GET', `${base}?q=PAGE-&limit=2&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(response.statusCode, response.body).toBe(200);
        const page = response.json() as { items: { code: string }[]; nextCursor: string | null };
        seen.push(...page.items.map((i) => i.code));
        cursor = page.nextCursor;
      } while (cursor !== null);
      expect(seen).toEqual(sort === 'code' ? ['PAGE-1', 'PAGE-2', 'PAGE-3'] : ['PAGE-3', 'PAGE-2', 'PAGE-1']);
    }
  });

  it('adds values, reads one, and refuses overlaps, duplicates and reversed intervals', async () => {
    await createNomenclature('OVL');
    const first = await createValue('OVL', { code: 'A', labels: { fr: 'A ancien' }, validFrom: '2000-01-01', validTo: '2009-12-31' });
    await createValue('OVL', { code: 'A', labels: { fr: 'A nouveau', en: 'New A' }, validFrom: '2010-01-01' });
    await createValue('OVL', { code: 'B', labels: { fr: 'B' }, validFrom: '2005-06-01' });

    const read = await runtime.request('GET', `${base}/OVL/values/${first.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.headers['etag']).toBe('"1"');
    expect(read.json()).toMatchObject({ nomenclature: 'OVL', code: 'A', validFrom: '2000-01-01', validTo: '2009-12-31' });
    expect((await runtime.request('GET', `${base}/CRUD/values/${first.id}`)).statusCode).toBe(404);

    const overlap = await runtime.request('POST', `${base}/OVL/values`, { code: 'A', labels: { fr: 'A' }, validFrom: '2005-01-01', validTo: '2005-12-31' });
    expect(overlap.statusCode).toBe(422);
    expect(overlap.json()).toMatchObject({ type: 'urn:pegase:problem:validity-overlap', errors: [{ field: '/validFrom' }] });
    expect(overlap.json().detail).toContain('from 2000-01-01 to 2009-12-31');

    const duplicate = await runtime.request('POST', `${base}/OVL/values`, { code: 'A', labels: { fr: 'A' }, validFrom: '2010-01-01' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ type: 'urn:pegase:problem:duplicate-value', errors: [{ field: '/validFrom' }] });

    const reversed = await runtime.request('POST', `${base}/OVL/values`, { code: 'C', labels: { fr: 'C' }, validFrom: '2010-01-01', validTo: '2009-01-01' });
    expect(reversed.statusCode).toBe(422);
    expect(reversed.json()).toMatchObject({ type: 'urn:pegase:problem:invalid-validity', errors: [{ field: '/validTo' }] });

    // Reopening the old interval would overlap the new one.
    const reopen = await runtime.request('PATCH', `${base}/OVL/values/${first.id}`, { validTo: null });
    expect(reopen.statusCode).toBe(422);
    expect(reopen.json().errors[0].field).toBe('/validTo');

    expect((await allValues('OVL')).map((v) => `${v.code}@${v.validFrom}`)).toEqual(['A@2000-01-01', 'B@2005-06-01', 'A@2010-01-01']);
  });

  it('lets only one of simultaneous overlapping writers in: the nomenclature row is locked first', async () => {
    await createNomenclature('RACE');
    const value = (validFrom: string) => ({ code: 'R', labels: { fr: validFrom }, validFrom });
    const responses = await Promise.all([
      runtime.request('POST', `${base}/RACE/values`, value('2000-01-01')),
      runtime.request('POST', `${base}/RACE/values`, value('2001-01-01')),
      runtime.request('POST', `${base}/RACE/values/import`, `${header}\nR,2002,,2002-01-01,\n`, csv),
    ]);
    const statuses = responses.map((r) => r.statusCode);
    expect(
      statuses.filter((s) => s === 201 || s === 200),
      statuses.join(),
    ).toHaveLength(1);
    expect(statuses.filter((s) => s === 422)).toHaveLength(2);
    expect(await allValues('RACE')).toHaveLength(1);
  });

  it('changes the labels and validity of a value, refusing a stale If-Match with 412', async () => {
    await createNomenclature('CONC');
    const value = await createValue('CONC', { code: 'V', labels: { fr: 'Avant' }, validFrom: '2000-01-01' });
    const first = await runtime.request(
      'PATCH',
      `${base}/CONC/values/${value.id}`,
      { labels: { fr: 'Première', en: 'First' }, validTo: '2030-12-31' },
      { 'if-match': '"1"' },
    );
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers['etag']).toBe('"2"');
    expect(first.json()).toMatchObject({ labels: { fr: 'Première', en: 'First' }, validTo: '2030-12-31', version: 2 });

    const stale = await runtime.request('PATCH', `${base}/CONC/values/${value.id}`, { labels: { fr: 'Seconde' } }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().type).toBe('urn:pegase:problem:stale-version');
    expect((await runtime.request('GET', `${base}/CONC/values/${value.id}`)).json().labels.fr).toBe('Première');

    const staleNomenclature = await runtime.request('PATCH', `${base}/CONC`, { description: 'x' }, { 'if-match': '"7"' });
    expect(staleNomenclature.statusCode).toBe(412);
  });

  it('finds the value valid on a date, says when it is valid otherwise, and 404 for a code that never existed', async () => {
    await createNomenclature('BAC-SERIES');
    await createValue('BAC-SERIES', { code: 'S', labels: { fr: 'Série S' }, validFrom: '1970-01-01', validTo: '2021-08-31' });
    await createValue('BAC-SERIES', { code: 'GENERAL', labels: { fr: 'Général' }, validFrom: '2021-06-01' });
    await createValue('BAC-SERIES', { code: 'STG', labels: { fr: 'STG' }, validFrom: '2007-01-01', validTo: '2013-12-31' });
    await createValue('BAC-SERIES', { code: 'STG', labels: { fr: 'STG rétabli' }, validFrom: '2030-01-01' });

    const valid = await runtime.request('GET', `${base}/BAC-SERIES/values/S/at/2000-06-15`);
    expect(valid.statusCode, valid.body).toBe(200);
    expect(valid.json()).toMatchObject({ code: 'S', validFrom: '1970-01-01', validTo: '2021-08-31' });
    expect((await runtime.request('GET', `${base}/BAC-SERIES/values/S/at/2021-08-31`)).statusCode).toBe(200);

    const notValid = await runtime.request('GET', `${base}/BAC-SERIES/values/S/at/2024-06-01`);
    expect(notValid.statusCode).toBe(422);
    expect(notValid.headers['content-type']).toContain('application/problem+json');
    expect(notValid.json()).toMatchObject({
      type: 'urn:pegase:problem:value-not-valid',
      detail: 'BAC-SERIES S is valid from 1970-01-01 to 2021-08-31, not on 2024-06-01.',
      validity: [{ validFrom: '1970-01-01', validTo: '2021-08-31' }],
      errors: [{ in: 'params', field: '/date' }],
    });
    const gap = await runtime.request('GET', `${base}/BAC-SERIES/values/STG/at/2020-01-01`);
    expect(gap.json().detail).toBe('BAC-SERIES STG is valid from 2007-01-01 to 2013-12-31 and from 2030-01-01 onwards, not on 2020-01-01.');

    const never = await runtime.request('GET', `${base}/BAC-SERIES/values/ZZZ/at/2024-06-01`);
    expect(never.statusCode).toBe(404);
    expect(never.json().detail).toContain('ZZZ');

    const badDate = await runtime.request('GET', `${base}/BAC-SERIES/values/S/at/2024-02-30`);
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().errors[0]).toMatchObject({ in: 'params', field: '/date' });

    const atFilter = await allValues('BAC-SERIES', '&at=2021-07-01');
    expect(atFilter.map((v) => v.code).sort()).toEqual(['GENERAL', 'S']);
    expect((await allValues('BAC-SERIES', '&code=STG')).map((v) => v.labels.fr)).toEqual(['STG', 'STG rétabli']);
    expect((await allValues('BAC-SERIES', '&q=rétabli')).map((v) => v.code)).toEqual(['STG']);
  });

  it('pages values with a cursor in every sort, both directions, without gaps or repeats', async () => {
    await createNomenclature('PAGED');
    for (const n of [1, 2, 3, 4, 5]) await createValue('PAGED', { code: `V${n}`, labels: { fr: `Valeur ${6 - n}` }, validFrom: `200${n}-01-01` });
    const expected = ['V1', 'V2', 'V3', 'V4', 'V5'];
    for (const sort of ['code', '-code', 'validFrom', '-validFrom', 'label', '-label']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const response = await runtime.request('GET', `${base}/PAGED/values?limit=2&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(response.statusCode, response.body).toBe(200);
        const page = response.json() as { items: { code: string }[]; nextCursor: string | null };
        seen.push(...page.items.map((i) => i.code));
        cursor = page.nextCursor;
      } while (cursor !== null);
      const ascending = sort === 'code' || sort === 'validFrom' || sort === '-label';
      expect(seen, sort).toEqual(ascending ? expected : [...expected].reverse());
    }
    const first = (await runtime.request('GET', `${base}/PAGED/values?limit=2&sort=code`)).json();
    const mismatch = await runtime.request('GET', `${base}/PAGED/values?limit=2&sort=label&cursor=${first.nextCursor}`);
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().errors[0].field).toBe('/cursor');
  });

  it('imports a comma file, then a semicolon file with a BOM, upserting by (code, validFrom)', async () => {
    await createNomenclature('IMP');
    const comma = `${header}\nA,"Alpha, premier",Alpha,2000-01-01,\nB,Bêta,,2000-01-01,2009-12-31\nB,Bêta 2,Beta 2,2010-01-01,\n`;
    const first = await runtime.request('POST', `${base}/IMP/values/import`, comma, csv);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ created: 3, updated: 0, unchanged: 0 });

    // Columns reordered, ';' separator, BOM, CRLF: A closes and C is new, B 2000 unchanged, B 2010 gets a new label.
    const semicolon =
      '\uFEFFvalid_from;valid_to;code;label_fr;label_en\r\n2000-01-01;2020-12-31;A;Alpha, premier;Alpha\r\n2000-01-01;2009-12-31;B;Bêta;\r\n2010-01-01;;B;Bêta deux;Beta 2\r\n2021-01-01;;C;Gamma;Gamma\r\n';
    const second = await runtime.request('POST', `${base}/IMP/values/import`, semicolon, { 'content-type': 'text/csv; charset=utf-8' });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toEqual({ created: 1, updated: 2, unchanged: 1 });

    const values = await allValues('IMP');
    expect(values.map((v) => [v.code, v.validFrom, v.validTo, v.labels.fr, v.version])).toEqual([
      ['A', '2000-01-01', '2020-12-31', 'Alpha, premier', 2],
      ['B', '2000-01-01', '2009-12-31', 'Bêta', 1],
      ['B', '2010-01-01', null, 'Bêta deux', 2],
      ['C', '2021-01-01', null, 'Gamma', 1],
    ]);

    const again = await runtime.request('POST', `${base}/IMP/values/import`, semicolon, csv);
    expect(again.json()).toEqual({ created: 0, updated: 0, unchanged: 4 });
  });

  it('refuses a file with several bad lines, listing each, and writes nothing', async () => {
    await createNomenclature('BAD');
    await createValue('BAD', { code: 'OLD', labels: { fr: 'Ancien' }, validFrom: '2000-01-01' });
    const lines = [
      header,
      'GOOD,Bon,Good,2000-01-01,', // 2: fine
      'bad code,Mauvais,,2000-01-01,', // 3: code pattern
      'NOLABEL,,,2000-01-01,', // 4: missing label
      'DATE,Date,,2000-13-01,', // 5: bad date
      'REV,Inversé,,2010-01-01,2009-01-01', // 6: valid_to < valid_from
      'GOOD,Encore,,2000-01-01,', // 7: duplicate key of line 2
      'OVER,Un,,2000-01-01,2010-12-31', // 8: fine alone
      'OVER,Deux,,2005-01-01,', // 9: overlaps line 8
      'OLD,Chevauche,,2015-01-01,', // 10: overlaps the existing value
    ];
    const response = await runtime.request('POST', `${base}/BAD/values/import`, lines.join('\n'), csv);
    expect(response.statusCode).toBe(422);
    const problem = response.json() as { type: string; detail: string; errors: { in: string; field: string; message: string }[] };
    expect(problem.type).toBe('urn:pegase:problem:invalid-import');
    expect(problem.detail).toContain('nothing was imported');
    expect(problem.errors.map((e) => e.field)).toEqual([
      '/line/3/code',
      '/line/4/label_fr',
      '/line/5/valid_from',
      '/line/6/valid_to',
      '/line/7/valid_from',
      '/line/9/valid_from',
      '/line/10/valid_from',
    ]);
    expect(problem.errors.every((e) => e.in === 'body')).toBe(true);
    expect(problem.errors[4]!.message).toContain('line 2');
    expect(problem.errors[5]!.message).toContain('line 8');
    expect(problem.errors[6]!.message).toContain('existing value OLD');

    expect((await allValues('BAD')).map((v) => v.code)).toEqual(['OLD']);
  });

  it('caps the listed errors at 100', async () => {
    await createNomenclature('MANY');
    const lines = [header, ...Array.from({ length: 150 }, (_, i) => `bad-${i},x,,2000-01-01,`)];
    const response = await runtime.request('POST', `${base}/MANY/values/import`, lines.join('\n'), csv);
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toHaveLength(100);
    expect(response.json().detail).toContain('150 error(s) on 150 line(s)');
  });

  it('answers 415 for a body that is not UTF-8 CSV, and 422 for Latin-1 bytes', async () => {
    await createNomenclature('MEDIA');
    const json = await runtime.request('POST', `${base}/MEDIA/values/import`, { code: 'A' });
    expect(json.statusCode).toBe(415);
    expect(json.headers['content-type']).toContain('application/problem+json');
    expect(json.json().type).toBe('urn:pegase:problem:unsupported-media-type');
    expect((await runtime.request('POST', `${base}/MEDIA/values/import`, 'code,label_fr', { 'content-type': 'text/plain' })).statusCode).toBe(415);
    expect((await runtime.request('POST', `${base}/MEDIA/values/import`, 'code,label_fr', { 'content-type': 'text/csv; charset=iso-8859-1' })).statusCode).toBe(
      415,
    );
    expect((await runtime.request('POST', `${base}/MEDIA/values/import`)).statusCode).toBe(415);

    const latin1 = await runtime.app.inject({
      method: 'POST',
      url: `${base}/MEDIA/values/import`,
      headers: { ...csv, authorization: `Bearer ${await runtime.tokenFor(testAdmin)}` },
      payload: Buffer.concat([Buffer.from(`${header}\nE,`), Buffer.from([0xc9, 0x74, 0xe9]), Buffer.from(',,2000-01-01,\n')]),
    });
    expect(latin1.statusCode).toBe(422);
    expect(latin1.json().errors).toEqual([{ in: 'body', field: '/line/2', message: 'is not UTF-8 text' }]);

    const empty = await runtime.request('POST', `${base}/MEDIA/values/import`, '', csv);
    expect(empty.statusCode).toBe(422);
    expect(empty.json().errors[0].field).toBe('/line/1');

    // Only the import takes CSV.
    const other = await runtime.request('POST', `${base}/MEDIA/values`, 'code,label_fr', csv);
    expect(other.statusCode).toBe(415);
  });

  it('takes CSV files above the 1 MiB JSON limit, and refuses those above 10 MiB with 413', async () => {
    await createNomenclature('SIZE');
    const twoMiB = `code,label_fr,valid_from\nA,${'x'.repeat(2 * 1024 * 1024)},2000-01-01\n`;
    const accepted = await runtime.request('POST', `${base}/SIZE/values/import`, twoMiB, csv);
    expect(accepted.statusCode).toBe(422); // read and checked: the label is too long
    expect(accepted.json().errors).toEqual([{ in: 'body', field: '/line/2/label_fr', message: 'must have at most 200 characters' }]);
    const tooLarge = await runtime.request('POST', `${base}/SIZE/values/import`, 'x'.repeat(CSV_BODY_LIMIT + 1), csv);
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().type).toBe('urn:pegase:problem:payload-too-large');
  });

  it('announces every write in the outbox, one event per value an import creates or changes', async () => {
    await runtime.drainEvents();
    await createNomenclature('EVT');
    const value = await createValue('EVT', { code: 'ONE', labels: { fr: 'Un' }, validFrom: '2000-01-01' });
    await runtime.request('PATCH', `${base}/EVT/values/${value.id}`, { labels: { fr: 'Un modifié' } });
    await runtime.request('PATCH', `${base}/EVT`, { description: 'Événements' });
    const imported = await runtime.request(
      'POST',
      `${base}/EVT/values/import`,
      `${header}\nONE,Un modifié,,2000-01-01,\nTWO,Deux,,2000-01-01,\nTHREE,Trois,,2000-01-01,\n`,
      csv,
    );
    expect(imported.json()).toEqual({ created: 2, updated: 0, unchanged: 1 });
    const reimported = await runtime.request(
      'POST',
      `${base}/EVT/values/import`,
      `${header}\nONE,Un,,2000-01-01,\nTWO,Deux,,2000-01-01,\nTHREE,Trois,,2000-01-01,\n`,
      csv,
    );
    expect(reimported.json()).toEqual({ created: 0, updated: 1, unchanged: 2 });
    expect(await runtime.drainEvents()).toBe(7);

    const rows = await outbox(
      `select type, subject, request_id as "requestId", published_at is not null as published from pegase_platform.outbox
       where type like 'referential.nomenclature%' and (subject = 'EVT' or data->>'nomenclature' = 'EVT') order by position`,
      [],
    );
    expect(rows.map((r) => r['type'])).toEqual([
      'referential.nomenclature.created',
      'referential.nomenclature-value.created',
      'referential.nomenclature-value.updated',
      'referential.nomenclature.updated',
      'referential.nomenclature-value.created',
      'referential.nomenclature-value.created',
      'referential.nomenclature-value.updated',
    ]);
    expect(rows.every((r) => r['published'] === true)).toBe(true);
    expect(rows.filter((r) => r['subject'] === value.id)).toHaveLength(3);
    const importRequest = reimported.headers['x-request-id'];
    expect(rows.filter((r) => r['requestId'] === importRequest)).toHaveLength(1);
  });

  // Its speed is measured by bench/nomenclature-import, not here.
  it('imports 5,000 lines (several batches), then finds them all unchanged', async () => {
    await createNomenclature('BIG');
    const lines = [header, ...Array.from({ length: 5000 }, (_, i) => `C${i},Commune ${i},Town ${i},1943-01-01,`)];
    const response = await runtime.request('POST', `${base}/BIG/values/import`, lines.join('\n'), csv);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ created: 5000, updated: 0, unchanged: 0 });
    const again = await runtime.request('POST', `${base}/BIG/values/import`, lines.join('\n'), csv);
    expect(again.json()).toEqual({ created: 0, updated: 0, unchanged: 5000 });
  });
});

describe('sandbox nomenclatures', () => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await createTestRuntime([referentialModule], { sandbox: true });
  });
  afterAll(async () => runtime.close());

  it('loads every sandbox file through the import, each value of each file', async () => {
    const files = (await readdir(sandboxNomenclatureFolder)).filter((name) => name.endsWith('.csv'));
    expect(files.length).toBeGreaterThanOrEqual(9);
    const list = await runtime.request('GET', `${base}?limit=200`);
    expect(
      list
        .json()
        .items.map((n: { code: string }) => n.code)
        .sort(),
    ).toEqual(files.map(sandboxNomenclatureCode).sort());
    for (const file of files) {
      const text = await readFile(new URL(file, sandboxNomenclatureFolder), 'utf8');
      const lineCount = text.split('\n').filter((line) => line.trim() !== '').length - 1;
      const values = await runtime.request('GET', `${base}/${sandboxNomenclatureCode(file)}/values?limit=200`);
      expect(values.json().items, file).toHaveLength(lineCount);
    }
    expect((await runtime.request('GET', `${base}/COUNTRY`)).json().labels).toEqual({ fr: 'Pays', en: 'Countries' });
  });

  it('answers the lookups other modules make on the demo data', async () => {
    const czechia = await runtime.request('GET', `${base}/COUNTRY/values/116/at/2024-06-01`);
    expect(czechia.json().labels).toEqual({ fr: 'Tchéquie', en: 'Czechia' });
    const beforeCzechRepublic = await runtime.request('GET', `${base}/COUNTRY/values/116/at/1980-01-01`);
    expect(beforeCzechRepublic.statusCode).toBe(422);
    expect(beforeCzechRepublic.json().detail).toBe('COUNTRY 116 is valid from 1993-01-01 to 2019-04-20 and from 2019-04-21 onwards, not on 1980-01-01.');
    const seriesS = await runtime.request('GET', `${base}/BAC-SERIES/values/S/at/2024-06-01`);
    expect(seriesS.statusCode).toBe(422);
    expect(seriesS.json().detail).toBe('BAC-SERIES S is valid from 1995-01-01 to 2021-08-31, not on 2024-06-01.');
  });

  it('re-importing a sandbox file changes nothing, and a second load is refused as a duplicate', async () => {
    const text = await readFile(new URL('COUNTRY.csv', sandboxNomenclatureFolder), 'utf8');
    const again = await runtime.request('POST', `${base}/COUNTRY/values/import`, text, csv);
    expect(again.json()).toMatchObject({ created: 0, updated: 0 });
    await expect(loadSandboxNomenclatures(runtime.contexts.get('referential')!, systemOrigin('test'))).rejects.toMatchObject({ status: 409 });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenClaims } from '@pegase/platform';
import { api, curriculumRuntime, type CurriculumFixture, type Obj } from '../../../test/curriculum-fixture.ts';
import type { FormationDocument } from '../../contract/index.ts';

const staffOfT: TokenClaims = { subject: 'x-staff-t', login: 'staff.t', roles: ['staff'], structureCodes: ['UFR-T'] };
const staffOfO: TokenClaims = { subject: 'x-staff-o', login: 'staff.o', roles: ['staff'], structureCodes: ['UFR-O'] };

describe('the JSON export and import of a formation', () => {
  let f: CurriculumFixture;
  let lic: Obj;
  let shared: Obj;

  const countIn = async (periodId: string) => {
    const rows = await f.runtime.database.withRawSession((session) =>
      session.query<{ n: number }>('select count(*)::int as n from curriculum.objects where period_id = $1', [periodId]),
    );
    return Number(rows[0]!.n);
  };
  const exportOf = (id: string) => f.runtime.request('GET', `${api}/objects/${id}/export`);
  const importInto = (periodId: string, document: unknown, as?: TokenClaims) =>
    f.runtime.request('POST', `${api}/periods/${periodId}/import`, document, {}, as);

  beforeAll(async () => {
    f = await curriculumRuntime();
    // A licence whose two tracks share an EC, with an option grouping; created out of order to test positions.
    lic = await f.create('EX-LIC', 'formation', { ects: 180, labels: { fr: 'Licence', en: 'Bachelor' } });
    const l1 = await f.create('EX-L1', 'year', { enrolmentPoint: true, ects: 60, parentId: lic.id });
    const t2 = await f.create('EX-T2', 'track', { parentId: l1.id });
    const t1 = await f.create('EX-T1', 'track');
    await f.link(l1, t1, 0);
    shared = await f.create('EX-EC-SH', 'ec', { ects: 4.5, hours: { TD: 18, CM: 12 }, capacity: 30, openForChoice: true, parentId: t1.id });
    await f.link(t2, shared);
    const options = await f.create('EX-OPT', 'grouping', { choice: { min: 1, max: 1 }, ownerStructureId: f.faculty.id, parentId: t2.id });
    await f.create('EX-ESP', 'ec', { ownerStructureId: f.other.id, parentId: options.id });
    await f.create('EX-ALL', 'ec', { ownerStructureId: null, parentId: options.id });
  });
  afterAll(async () => f.runtime.close());

  it('exports every object once, owners by code, links by codes, no id, the same bytes each time', async () => {
    const first = await exportOf(lic.id);
    expect(first.statusCode, first.body).toBe(200);
    const document = first.json() as FormationDocument;
    expect(document).toMatchObject({ format: 'pegase-curriculum-formation', version: 1, root: 'EX-LIC' });
    expect(document.objects.map((object) => object.code)).toEqual(['EX-LIC', 'EX-L1', 'EX-T1', 'EX-EC-SH', 'EX-T2', 'EX-OPT', 'EX-ESP', 'EX-ALL']);
    expect(document.objects.find((object) => object.code === 'EX-EC-SH')).toEqual({
      code: 'EX-EC-SH',
      type: 'ec',
      labels: { fr: 'Libellé EX-EC-SH' },
      ects: 4.5,
      hours: { CM: 12, TD: 18 },
      capacity: 30,
      openForChoice: true,
      enrolmentPoint: false,
      ownerStructureCode: 'T-INFO',
      choice: null,
    });
    expect(document.objects.find((object) => object.code === 'EX-OPT')).toMatchObject({ ownerStructureCode: 'UFR-T', choice: { min: 1, max: 1 } });
    expect(document.objects.find((object) => object.code === 'EX-ALL')).toMatchObject({ ownerStructureCode: null });
    expect(document.links).toEqual([
      { parentCode: 'EX-LIC', childCode: 'EX-L1', position: 0 },
      { parentCode: 'EX-L1', childCode: 'EX-T1', position: 0 },
      { parentCode: 'EX-L1', childCode: 'EX-T2', position: 1 },
      { parentCode: 'EX-T1', childCode: 'EX-EC-SH', position: 0 },
      { parentCode: 'EX-T2', childCode: 'EX-EC-SH', position: 0 },
      { parentCode: 'EX-T2', childCode: 'EX-OPT', position: 1 },
      { parentCode: 'EX-OPT', childCode: 'EX-ESP', position: 0 },
      { parentCode: 'EX-OPT', childCode: 'EX-ALL', position: 1 },
    ]);
    expect(first.body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/); // no id anywhere
    expect((await exportOf(lic.id)).body).toBe(first.body);
  });

  it('imports an export into the other period as the same formation: its export is the same document, byte for byte', async () => {
    const exported = await exportOf(lic.id);
    const before = await countIn(f.nextPeriod.id);
    const imported = await importInto(f.nextPeriod.id, exported.json());
    expect(imported.statusCode, imported.body).toBe(200);
    const report = imported.json() as { objects: number; links: number; root: { id: string; code: string } };
    expect(report).toMatchObject({ objects: 8, links: 8, root: { code: 'EX-LIC' } });
    expect(await countIn(f.nextPeriod.id)).toBe(before + 8);

    const again = await exportOf(report.root.id);
    expect(again.body).toBe(exported.body);

    // Drafts of the new period, the shared EC once with its two paths.
    const tree = (await f.runtime.request('GET', `${api}/objects/${report.root.id}/tree`)).json() as { objects: Obj[]; nodes: { path: string }[] };
    expect(tree.objects.every((object) => object.status === 'draft' && object.periodId === f.nextPeriod.id)).toBe(true);
    const ec = tree.objects.find((object) => object.code === 'EX-EC-SH')!;
    const paths = await f.runtime.request('GET', `${api}/objects/${ec.id}/paths`);
    expect(paths.json().paths).toEqual(['EX-LIC>EX-L1>EX-T1>EX-EC-SH', 'EX-LIC>EX-L1>EX-T2>EX-EC-SH']);

    // Announced: one creation per object, one link per link, in the import's request.
    const events = await f.runtime.database.withRawSession((session) =>
      session.query<{ type: string; n: number }>(
        `select type, count(*)::int as n from pegase_platform.outbox
          where type in ('curriculum.object.created', 'curriculum.object.linked') and (data->>'periodId') = $1 group by type order by type`,
        [f.nextPeriod.id],
      ),
    );
    expect(events.map((row) => [row.type, Number(row.n)])).toEqual([
      ['curriculum.object.created', 8],
      ['curriculum.object.linked', 8],
    ]);
  });

  it('refuses codes already used in the period (409, the codes listed) and writes nothing', async () => {
    const document = (await exportOf(lic.id)).json() as FormationDocument;
    document.objects.push({ code: 'EX-NEW', type: 'ec', labels: { fr: 'Nouveau' }, ownerStructureCode: 'T-INFO' });
    document.links.push({ parentCode: 'EX-T1', childCode: 'EX-NEW', position: 1 });
    const before = await countIn(f.period.id);
    const refused = await importInto(f.period.id, document);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      type: 'urn:pegase:problem:duplicate-code',
      codes: ['EX-LIC', 'EX-L1', 'EX-T1', 'EX-EC-SH', 'EX-T2', 'EX-OPT', 'EX-ESP', 'EX-ALL'],
    });
    expect(refused.json().errors[0]).toEqual({ in: 'body', field: '/objects/0/code', message: 'EX-LIC already exists in this period' });
    expect(await countIn(f.period.id)).toBe(before);
  });

  it('lists unknown owner structures (422), and every other error of a document (422), writing nothing', async () => {
    const base = { format: 'pegase-curriculum-formation', version: 1, root: 'BAD-LIC' };
    const unknownOwners = await importInto(f.period.id, {
      ...base,
      objects: [
        { code: 'BAD-LIC', type: 'formation', labels: { fr: 'L' }, ownerStructureCode: 'NOWHERE' },
        { code: 'BAD-UE', type: 'ue', labels: { fr: 'U' }, ownerStructureCode: 'ELSEWHERE' },
      ],
      links: [{ parentCode: 'BAD-LIC', childCode: 'BAD-UE', position: 0 }],
    });
    expect(unknownOwners.statusCode).toBe(422);
    expect(unknownOwners.json()).toMatchObject({
      type: 'urn:pegase:problem:unknown-structure',
      codes: ['NOWHERE', 'ELSEWHERE'],
      errors: [{ field: '/objects/0/ownerStructureCode' }, { field: '/objects/1/ownerStructureCode' }],
    });

    const before = await countIn(f.period.id);
    const invalid = await importInto(f.period.id, {
      ...base,
      objects: [
        { code: 'BAD-LIC', type: 'formation', labels: { fr: 'L' } },
        { code: 'BAD-A', type: 'castle', labels: { fr: 'A' } },
        { code: 'BAD-B', type: 'ue', labels: { fr: 'B' }, choice: { min: 1, max: 2 } },
        { code: 'BAD-C', type: 'grouping', labels: { fr: 'C' }, choice: { min: 3, max: 1 } },
        { code: 'BAD-D', type: 'ue', labels: { fr: 'D' } },
        { code: 'BAD-E', type: 'ue', labels: { fr: 'E' } },
        { code: 'BAD-F', type: 'formation', labels: { fr: 'F' } },
      ],
      links: [
        { parentCode: 'BAD-LIC', childCode: 'BAD-A', position: 0 },
        { parentCode: 'BAD-LIC', childCode: 'BAD-B', position: 1 },
        { parentCode: 'BAD-LIC', childCode: 'BAD-C', position: 2 },
        { parentCode: 'BAD-LIC', childCode: 'BAD-D', position: 3 },
        { parentCode: 'BAD-D', childCode: 'BAD-E', position: 0 },
        { parentCode: 'BAD-E', childCode: 'BAD-D', position: 0 },
        { parentCode: 'BAD-LIC', childCode: 'BAD-ZZZ', position: 4 },
        { parentCode: 'BAD-D', childCode: 'BAD-F', position: 1 },
      ],
    });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().type).toBe('urn:pegase:problem:invalid-import');
    expect(invalid.json().errors.map((error: { field: string; message: string }) => [error.field, error.message])).toEqual([
      ['/objects/1/type', expect.stringContaining('castle is not a kind of training object')],
      ['/objects/2/choice', 'A ue holds no choice range: only groupings do.'],
      ['/objects/3/choice/min', 'The choice range [3, 1] is empty: min must not exceed max.'],
      ['/links/6/childCode', 'BAD-ZZZ is not the code of an object of the document'],
      ['/links/7/childCode', 'BAD-F is a formation: a formation is never placed under another object'],
      ['/links/5/childCode', 'placing BAD-D under BAD-E closes a cycle: BAD-E > BAD-D > BAD-E'],
    ]);
    expect(invalid.json().detail).toMatch(/^The document has 6 error\(s\); nothing was imported\. \/objects\/1\/type: castle/);
    expect(await countIn(f.period.id)).toBe(before);

    const malformed = await importInto(f.period.id, { ...base, objects: [{ code: 'bad code', type: 'ue', labels: { fr: 'x' } }], links: [] });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0]).toMatchObject({ field: '/objects/0/code' });
    const unknownPeriod = await importInto('00000000-0000-4000-8000-000000000000', (await exportOf(lic.id)).json());
    expect(unknownPeriod.statusCode).toBe(404);
  });

  it('lets staff import only objects owned within their structures', async () => {
    const document: FormationDocument = {
      format: 'pegase-curriculum-formation',
      version: 1,
      root: 'SC-LIC',
      objects: [
        { code: 'SC-LIC', type: 'formation', labels: { fr: 'L' }, ownerStructureCode: 'UFR-T' },
        { code: 'SC-EC', type: 'ec', labels: { fr: 'E' }, ownerStructureCode: 'T-INFO' },
      ],
      links: [{ parentCode: 'SC-LIC', childCode: 'SC-EC', position: 0 }],
    };
    const outside = await importInto(f.period.id, document, staffOfO);
    expect(outside.statusCode).toBe(403);
    expect(outside.json()).toMatchObject({
      type: 'urn:pegase:problem:outside-scope',
      detail: expect.stringContaining('import objects owned by UFR-T (SC-LIC)'),
    });
    const withoutOwner = await importInto(
      f.period.id,
      { ...document, objects: [document.objects[0]!, { ...document.objects[1]!, ownerStructureCode: null }] },
      staffOfT,
    );
    expect(withoutOwner.statusCode).toBe(403);
    const inside = await importInto(f.period.id, document, staffOfT);
    expect(inside.statusCode, inside.body).toBe(200);
  });

  it('imports a formation of 2,000 objects in a few seconds', async () => {
    const objects: FormationDocument['objects'] = [{ code: 'BIG-LIC', type: 'formation', labels: { fr: 'Grande licence' }, ownerStructureCode: 'T-INFO' }];
    const links: FormationDocument['links'] = [];
    const add = (code: string, type: string, parent: string, position: number, extra: object = {}) => {
      objects.push({ code, type, labels: { fr: `Libellé ${code}` }, ownerStructureCode: 'T-INFO', ects: 3, hours: { CM: 10, TD: 20 }, ...extra });
      links.push({ parentCode: parent, childCode: code, position });
    };
    for (let y = 0; y < 3; y++) {
      add(`BIG-Y${y}`, 'year', 'BIG-LIC', y);
      for (let s = 0; s < 2; s++) {
        add(`BIG-Y${y}-S${s}`, 'semester', `BIG-Y${y}`, s);
        for (let u = 0; u < 12; u++) {
          add(`BIG-Y${y}-S${s}-U${u}`, 'ue', `BIG-Y${y}-S${s}`, u);
          for (let e = 0; e < 27; e++) add(`BIG-Y${y}-S${s}-U${u}-E${e}`, 'ec', `BIG-Y${y}-S${s}-U${u}`, e);
        }
      }
    }
    // Each UE also holds the first EC of the previous UE: shared objects.
    for (let y = 0; y < 3; y++)
      for (let s = 0; s < 2; s++)
        for (let u = 1; u < 12; u++) links.push({ parentCode: `BIG-Y${y}-S${s}-U${u}`, childCode: `BIG-Y${y}-S${s}-U${u - 1}-E0`, position: 27 });
    expect(objects.length).toBeGreaterThan(2_000);
    const document: FormationDocument = { format: 'pegase-curriculum-formation', version: 1, root: 'BIG-LIC', objects, links };

    const started = performance.now();
    const imported = await importInto(f.nextPeriod.id, document);
    const elapsed = performance.now() - started;
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ objects: objects.length, links: links.length });
    console.log(`imported ${objects.length} objects and ${links.length} links in ${Math.round(elapsed)} ms`);
    expect(elapsed).toBeLessThan(20_000);
    const exported = (await exportOf(imported.json().root.id)).json() as FormationDocument;
    expect(exported.objects).toHaveLength(objects.length);
    expect(exported.links).toHaveLength(links.length);
  }, 60_000);
});

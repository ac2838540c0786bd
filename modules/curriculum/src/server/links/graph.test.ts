import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, curriculumRuntime, type CurriculumFixture, type Obj } from '../../../test/curriculum-fixture.ts';

describe('the training-offer graph over HTTP', () => {
  let f: CurriculumFixture;
  beforeAll(async () => {
    f = await curriculumRuntime();
  });
  afterAll(async () => f.runtime.close());

  it('refuses a link that would close a cycle, naming it, and changes nothing', async () => {
    const a = await f.create('CY-A', 'ue');
    const b = await f.create('CY-B', 'ue');
    const c = await f.create('CY-C', 'ec');
    await f.link(a, b);
    await f.link(b, c);
    const back = await f.runtime.request('PUT', `${api}/objects/${c.id}/children/${a.id}`, {});
    expect(back.statusCode).toBe(422);
    expect(back.json()).toMatchObject({
      type: 'urn:pegase:problem:curriculum-cycle',
      detail: 'Placing CY-A under CY-C would close a cycle: CY-C > CY-A > CY-B > CY-C. Remove one of these links first.',
      errors: [{ field: '/childId', message: 'would make a cycle' }],
    });
    const self = await f.runtime.request('PUT', `${api}/objects/${a.id}/children/${a.id}`, {});
    expect(self.statusCode).toBe(422);
    const paths = await f.runtime.request('GET', `${api}/objects/${a.id}/paths`);
    expect(paths.json().paths).toEqual(['CY-A']);
  });

  it('gives a shared EC one path per parent chain and one set of attributes', async () => {
    const lic = await f.create('LIC-SH', 'formation');
    const t1 = await f.create('SH-T1', 'track');
    const t2 = await f.create('SH-T2', 'track');
    const ec = await f.create('SH-EC', 'ec', { ects: 6, hours: { CM: 12, TD: 18 } });
    await f.link(lic, t1);
    await f.link(lic, t2);
    await f.link(t1, ec);
    await f.link(t2, ec);

    const paths = await f.runtime.request('GET', `${api}/objects/${ec.id}/paths`);
    expect(paths.json()).toEqual({ objectId: ec.id, paths: ['LIC-SH>SH-T1>SH-EC', 'LIC-SH>SH-T2>SH-EC'] });

    const tree = (await f.runtime.request('GET', `${api}/objects/${lic.id}/tree`)).json() as {
      objects: Obj[];
      nodes: { path: string; objectId: string; parentPath: string | null; depth: number }[];
    };
    expect(tree.nodes.map((node) => node.path)).toEqual(['LIC-SH', 'LIC-SH>SH-T1', 'LIC-SH>SH-T1>SH-EC', 'LIC-SH>SH-T2', 'LIC-SH>SH-T2>SH-EC']);
    expect(tree.objects).toHaveLength(4);
    expect(tree.nodes.filter((node) => node.objectId === ec.id)).toHaveLength(2);

    // One change of the EC shows under both tracks.
    const changed = await f.runtime.request('PATCH', `${api}/objects/${ec.id}`, { ects: 5 });
    expect(changed.statusCode, changed.body).toBe(200);
    const again = (await f.runtime.request('GET', `${api}/objects/${lic.id}/tree`)).json() as { objects: Obj[] };
    expect(again.objects.find((object) => object.id === ec.id)).toMatchObject({ ects: 5, hours: { CM: 12, TD: 18 } });
  });

  it('serves a tree again from its ETag until the offer changes, then the new tree', async () => {
    const lic = await f.create('ET-LIC', 'formation');
    const ue = await f.create('ET-UE', 'ue', { parentId: lic.id });
    const first = await f.runtime.request('GET', `${api}/objects/${lic.id}/tree`);
    const etag = first.headers['etag'] as string;
    expect(etag).toMatch(/^"[0-9a-f-]{36}\.\d+"$/);
    expect((await f.runtime.request('GET', `${api}/objects/${lic.id}/tree`, undefined, { 'if-none-match': etag })).statusCode).toBe(304);
    expect((await f.runtime.request('GET', `${api}/objects/${lic.id}/tree`)).body).toBe(first.body);

    await f.runtime.request('PATCH', `${api}/objects/${ue.id}`, { labels: { fr: 'Renommée' } });
    const changed = await f.runtime.request('GET', `${api}/objects/${lic.id}/tree`, undefined, { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers['etag']).not.toBe(etag);
    expect(changed.json().objects.find((o: Obj) => o.id === ue.id).labels.fr).toBe('Renommée');
    await f.link(ue, await f.create('ET-EC', 'ec'));
    expect((await f.runtime.request('GET', `${api}/objects/${lic.id}/tree`)).json().nodes.map((n: { path: string }) => n.path)).toContain('ET-LIC>ET-UE>ET-EC');
  });

  it('keeps children in order: insert at a position, move, remove', async () => {
    const ue = await f.create('ORD-UE', 'ue');
    const [x, y, z] = [await f.create('ORD-X', 'ec'), await f.create('ORD-Y', 'ec'), await f.create('ORD-Z', 'ec')];
    await f.link(ue, x);
    await f.link(ue, y);
    expect(await f.link(ue, z, 0)).toMatchObject({ position: 0 });
    const order = async () =>
      ((await f.runtime.request('GET', `${api}/objects/${ue.id}/tree`)).json().nodes as { path: string }[]).slice(1).map((n) => n.path.split('>')[1]);
    expect(await order()).toEqual(['ORD-Z', 'ORD-X', 'ORD-Y']);
    await f.link(ue, z, 5); // to the end
    expect(await order()).toEqual(['ORD-X', 'ORD-Y', 'ORD-Z']);
    await f.link(ue, z); // the same call again changes nothing
    expect(await order()).toEqual(['ORD-X', 'ORD-Y', 'ORD-Z']);
    const removed = await f.runtime.request('DELETE', `${api}/objects/${ue.id}/children/${x.id}`);
    expect(removed.statusCode).toBe(204);
    expect(await order()).toEqual(['ORD-Y', 'ORD-Z']);
  });

  it('checks choice ranges: groupings only, min not above max, and the children when validating', async () => {
    const notGrouping = await f.runtime.request('POST', `${api}/objects`, {
      periodId: f.period.id,
      code: 'RG-UE',
      type: 'ue',
      labels: { fr: 'UE' },
      choice: { min: 1, max: 2 },
    });
    expect(notGrouping.statusCode).toBe(422);
    expect(notGrouping.json().type).toBe('urn:pegase:problem:choice-not-grouping');
    const inverted = await f.runtime.request('POST', `${api}/objects`, {
      periodId: f.period.id,
      code: 'RG-OPT',
      type: 'grouping',
      labels: { fr: 'Options' },
      choice: { min: 3, max: 1 },
    });
    expect(inverted.statusCode).toBe(422);
    expect(inverted.json()).toMatchObject({ type: 'urn:pegase:problem:invalid-choice-range', errors: [{ field: '/choice/min' }] });

    const formation = await f.create('RG-LIC', 'formation');
    const options = await f.create('RG-OPTIONS', 'grouping', { choice: { min: 2, max: 2 } });
    await f.link(formation, options);
    await f.link(options, await f.create('RG-ESP', 'ec'));
    const refused = await f.runtime.request('POST', `${api}/objects/${formation.id}/validate`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ type: 'urn:pegase:problem:inconsistent-formation', report: { errors: 1 } });
    expect(refused.json().report.findings[0]).toMatchObject({ kind: 'unsatisfiable-range', path: 'RG-LIC>RG-OPTIONS' });

    await f.link(options, await f.create('RG-ALL', 'ec'));
    const validated = await f.runtime.request('POST', `${api}/objects/${formation.id}/validate`);
    expect(validated.statusCode, validated.body).toBe(200);
    expect((validated.json().objects as Obj[]).every((object) => object.status === 'validated')).toBe(true);
  });

  it('refuses an unknown period, kind or owner, a duplicate code, and a formation placed under something', async () => {
    const body = { periodId: f.period.id, code: 'BAD-1', type: 'ue', labels: { fr: 'UE' } };
    const unknownPeriod = await f.runtime.request('POST', `${api}/objects`, { ...body, periodId: '00000000-0000-4000-8000-000000000000' });
    expect(unknownPeriod.json()).toMatchObject({ status: 422, type: 'urn:pegase:problem:unknown-period' });
    const unknownKind = await f.runtime.request('POST', `${api}/objects`, { ...body, type: 'castle' });
    expect(unknownKind.json()).toMatchObject({ status: 422, type: 'urn:pegase:problem:unknown-type', errors: [{ field: '/type' }] });
    const unknownOwner = await f.runtime.request('POST', `${api}/objects`, { ...body, ownerStructureId: '00000000-0000-4000-8000-000000000000' });
    expect(unknownOwner.json()).toMatchObject({ status: 422, type: 'urn:pegase:problem:unknown-structure' });
    await f.create('DUP-1', 'ue');
    const duplicate = await f.runtime.request('POST', `${api}/objects`, { ...body, code: 'DUP-1' });
    expect(duplicate.json()).toMatchObject({ status: 409, type: 'urn:pegase:problem:duplicate-code', errors: [{ field: '/code' }] });
    const lic = await f.create('ROOT-1', 'formation');
    const ue = await f.create('ROOT-UE', 'ue');
    const under = await f.runtime.request('PUT', `${api}/objects/${ue.id}/children/${lic.id}`, {});
    expect(under.json()).toMatchObject({ status: 422, type: 'urn:pegase:problem:formation-is-root' });
  });

  it('finds objects by code or label, accents and case ignored, close spellings too', async () => {
    await f.create('SRCH-ELEC', 'ec', { labels: { fr: 'Électronique numérique', en: 'Digital electronics' } });
    await f.create('SRCH-ESP', 'ec', { labels: { fr: 'Espagnol débutant' } });
    const search = async (q: string) =>
      ((await f.runtime.request('GET', `${api}/objects?periodId=${f.period.id}&q=${encodeURIComponent(q)}`)).json().items as Obj[]).map((o) => o.code);
    // Exact matches (accents and case aside) come first, then close spellings.
    expect((await search('electronique'))[0]).toBe('SRCH-ELEC');
    expect((await search('ÉLECTRONIQUE NUM'))[0]).toBe('SRCH-ELEC');
    expect((await search('srch-esp'))[0]).toBe('SRCH-ESP');
    expect((await search('espagnole'))[0]).toBe('SRCH-ESP');
    expect(await search('electroniqe numerik')).toContain('SRCH-ELEC'); // typed in haste
    expect(await search('zzzz-nothing-like-it')).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenClaims } from '@pegase/platform';
import { api, curriculumRuntime, type CurriculumFixture, type Obj } from '../../../test/curriculum-fixture.ts';

const staffOfT: TokenClaims = { subject: 'u-staff-t', login: 'staff.t', roles: ['staff'], structureCodes: ['UFR-T'] };
const staffOfO: TokenClaims = { subject: 'u-staff-o', login: 'staff.o', roles: ['staff'], structureCodes: ['UFR-O'] };
const teacher: TokenClaims = { subject: 'u-teacher', roles: ['teacher'], structureCodes: ['T-INFO'] };

describe('the life cycle of the training offer over HTTP', () => {
  let f: CurriculumFixture;
  let formation: Obj;
  let ec: Obj;

  const outbox = (subject: string) =>
    f.runtime.database.withRawSession((session) =>
      session.query<{ type: string }>('select type from pegase_platform.outbox where subject = $1 order by position', [subject]),
    );

  beforeAll(async () => {
    f = await curriculumRuntime();
    formation = await f.create('LC-LIC', 'formation', { ects: 6 }, staffOfT);
    const year = await f.create('LC-L1', 'year', { enrolmentPoint: true, parentId: formation.id }, staffOfT);
    ec = await f.create('LC-EC', 'ec', { ects: 6, parentId: year.id }, staffOfT);
  });
  afterAll(async () => f.runtime.close());

  it('lets staff work within their structures only, and teachers read', async () => {
    const outside = await f.runtime.request('PATCH', `${api}/objects/${ec.id}`, { ects: 3 }, {}, staffOfO);
    expect(outside.statusCode).toBe(403);
    expect(outside.json().type).toBe('urn:pegase:problem:outside-scope');
    const tree = await f.runtime.request('GET', `${api}/objects/${formation.id}/tree`, undefined, {}, teacher);
    expect(tree.statusCode).toBe(200);
    const teacherWrite = await f.runtime.request('PATCH', `${api}/objects/${ec.id}`, { ects: 3 }, {}, teacher);
    expect(teacherWrite.statusCode).toBe(403);
    const stale = await f.runtime.request('PATCH', `${api}/objects/${ec.id}`, { ects: 3 }, { 'if-match': '"99"' }, staffOfT);
    expect(stale.statusCode).toBe(412);
  });

  it('validates a formation: frozen, announced with its whole tree, edits refused except an admin’s unfreeze', async () => {
    const report = await f.runtime.request('GET', `${api}/objects/${formation.id}/consistency`);
    expect(report.json()).toMatchObject({ errors: 0, objects: 3 });
    const year = (await f.runtime.request('GET', `${api}/objects?periodId=${f.period.id}&q=LC-L1`)).json().items[0] as Obj;
    expect((await f.runtime.request('POST', `${api}/objects/${year.id}/validate`, undefined, {}, staffOfT)).json().type).toBe(
      'urn:pegase:problem:not-a-formation',
    );
    const validated = await f.runtime.request('POST', `${api}/objects/${formation.id}/validate`, undefined, {}, staffOfT);
    expect(validated.statusCode, validated.body).toBe(200);
    expect(validated.json().nodes.map((n: { path: string }) => n.path)).toEqual(['LC-LIC', 'LC-LIC>LC-L1', 'LC-LIC>LC-L1>LC-EC']);
    expect((await outbox(formation.id)).map((row) => row.type)).toContain('curriculum.object.validated');

    const frozen = await f.runtime.request('PATCH', `${api}/objects/${ec.id}`, { ects: 3 }, {}, staffOfT);
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().type).toBe('urn:pegase:problem:frozen');
    const staffUnfreeze = await f.runtime.request('PATCH', `${api}/objects/${ec.id}?unfreeze=true`, { ects: 3 }, {}, staffOfT);
    expect(staffUnfreeze.statusCode).toBe(403);
    const relink = await f.runtime.request('PUT', `${api}/objects/${formation.id}/children/${ec.id}`, {});
    expect(relink.json().type).toBe('urn:pegase:problem:frozen');

    const unfrozen = await f.runtime.request('PATCH', `${api}/objects/${ec.id}?unfreeze=true`, { ects: 5 });
    expect(unfrozen.statusCode, unfrozen.body).toBe(200);
    expect(unfrozen.json()).toMatchObject({ ects: 5, status: 'validated' });
    expect((await outbox(ec.id)).map((row) => row.type)).toContain('curriculum.object.changed-after-validation');
    const history = (await f.runtime.request('GET', `${api}/objects/${ec.id}/history`)).json().items as { action: string; changedFields: string[] }[];
    expect(history[0]).toMatchObject({ action: 'object.changed-after-validation' });
  });

  it('copies a whole period as drafts, same codes and links, into an empty period only', async () => {
    const before = (await f.runtime.request('GET', `${api}/objects?periodId=${f.period.id}&limit=200`)).json().items.length as number;
    const copied = await f.runtime.request('POST', `${api}/periods/${f.period.id}/copy`, { toPeriodId: f.nextPeriod.id });
    expect(copied.statusCode, copied.body).toBe(200);
    expect(copied.json()).toMatchObject({ objects: before, links: 2 });
    const copy = (await f.runtime.request('GET', `${api}/objects?periodId=${f.nextPeriod.id}&type=formation`)).json().items[0] as Obj;
    expect(copy).toMatchObject({ code: 'LC-LIC', status: 'draft' });
    expect(copy.id).not.toBe(formation.id);
    const tree = (await f.runtime.request('GET', `${api}/objects/${copy.id}/tree`)).json();
    expect(tree.nodes.map((n: { path: string }) => n.path)).toEqual(['LC-LIC', 'LC-LIC>LC-L1', 'LC-LIC>LC-L1>LC-EC']);
    const again = await f.runtime.request('POST', `${api}/periods/${f.period.id}/copy`, { toPeriodId: f.nextPeriod.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().type).toBe('urn:pegase:problem:period-not-empty');
    const asStaff = await f.runtime.request('POST', `${api}/periods/${f.period.id}/copy`, { toPeriodId: f.nextPeriod.id }, {}, staffOfT);
    expect(asStaff.statusCode).toBe(403);
  });

  it('archives a period: every object read-only', async () => {
    const archived = await f.runtime.request('POST', `${api}/periods/${f.period.id}/archive`);
    expect(archived.statusCode).toBe(200);
    expect(archived.json().objects).toBeGreaterThan(0);
    const edit = await f.runtime.request('PATCH', `${api}/objects/${ec.id}?unfreeze=true`, { ects: 4 });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().type).toBe('urn:pegase:problem:archived');
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '@pegase/platform';
import { testAdmin } from '@pegase/platform/testing';
import type { Assessment, RuleView, RulesFreeze } from '../../contract/index.ts';
import { assessmentRuntime, staffOf, teacherOf } from '../../../test/assessment-fixture.ts';

describe('MCC frozen with the curriculum', () => {
  let f: Awaited<ReturnType<typeof assessmentRuntime>>;
  const staff = staffOf('UFR-S');
  const api = (method: string, url: string, body?: unknown, as: Parameters<typeof f.runtime.request>[4] = staff, headers: Record<string, string> = {}) =>
    f.runtime.request(method, `/api/assessment/v1${url}`, body, headers, as);
  const formation = (periodId = f.period.id, formationId = f.info.id) => `periodId=${periodId}&formationId=${formationId}`;
  const rule = (path: string, periodId = f.period.id) => `/rules?periodId=${periodId}&path=${encodeURIComponent(path)}`;
  const audits = async (action: string) =>
    Number(
      (
        await rowsOf<{ n: number }>(f.runtime.database.db, sql`select count(*)::int as n from audit.entries where module = 'assessment' and action = ${action}`)
      )[0]!.n,
    );

  beforeAll(async () => {
    f = await assessmentRuntime();
    expect((await api('PUT', rule(f.paths.ec11), { coefficient: '2', eliminatory: '7' })).statusCode).toBe(200);
    const exam = await api('POST', '/assessments', { periodId: f.period.id, path: f.paths.ec11, session: 1, code: 'EXAM', label: 'Examen', coefficient: '3' });
    expect(exam.statusCode, exam.body).toBe(201);
  });
  afterAll(async () => f.runtime.close());

  it('freezes the adopted MCC of a formation: rules, imports and new assessments refused with 409 rules-frozen', async () => {
    expect((await api('GET', `/rules/freeze?${formation()}`)).json()).toMatchObject({ formationCode: 'LIC-INFO', frozen: null });
    expect((await api('GET', rule(f.paths.ec11))).json()).toMatchObject({ frozen: null });
    // Only the staff of the formation's structures adopt its MCC.
    expect((await api('POST', `/rules/freeze?${formation()}`, undefined, staffOf('UFR-L'))).json().type).toBe('urn:pegase:problem:outside-scope');
    expect((await api('POST', `/rules/freeze?${formation()}`, undefined, teacherOf('UFR-S'))).statusCode).toBe(403);

    const frozen = await api('POST', `/rules/freeze?${formation()}`);
    expect(frozen.statusCode, frozen.body).toBe(200);
    expect(frozen.json() as RulesFreeze).toMatchObject({
      periodId: f.period.id,
      formationId: f.info.id,
      formationCode: 'LIC-INFO',
      frozen: { by: 'staff.ufr-s', reason: 'adopted' },
    });
    expect(await audits('rules.frozen')).toBe(1);
    // Freezing again changes nothing, announces nothing.
    expect((await api('POST', `/rules/freeze?${formation()}`)).json()).toEqual(frozen.json());
    expect(await audits('rules.frozen')).toBe(1);

    expect(((await api('GET', rule(f.paths.ec11))).json() as RuleView).frozen).toMatchObject({ reason: 'adopted', by: 'staff.ufr-s' });
    const put = await api('PUT', rule(f.paths.ec12), { coefficient: '4' });
    expect([put.statusCode, put.json().type]).toEqual([409, 'urn:pegase:problem:rules-frozen']);
    expect(put.json().detail).toContain('The MCC of LIC-INFO for this period are frozen');
    const csv = `chemin;coefficient\n${f.paths.ec12};4\n`;
    const imported = await api('POST', `/rules/import?${formation()}`, csv, staff, { 'content-type': 'text/csv' });
    expect([imported.statusCode, imported.json().type]).toEqual([409, 'urn:pegase:problem:rules-frozen']);
    const created = await api('POST', '/assessments', { periodId: f.period.id, path: f.paths.ec12, session: 1, code: 'CC', label: 'Contrôle continu' });
    expect([created.statusCode, created.json().type]).toEqual([409, 'urn:pegase:problem:rules-frozen']);
    expect((await api('GET', rule(f.paths.ec12))).json()).toMatchObject({ source: 'default', coefficient: '1.000' });
    // Reading, exporting, and the marks themselves go on.
    expect((await api('GET', `/rules/export?${formation()}&format=csv`)).statusCode).toBe(200);
  });

  it('lets only an administrator unfreeze adopted MCC, with a reason, audited', async () => {
    const byStaff = await api('POST', `/rules/unfreeze?${formation()}`, { reason: 'Vote CFVU du 12 mars' });
    expect([byStaff.statusCode, byStaff.json().type]).toEqual([403, 'urn:pegase:problem:forbidden']);
    const unfrozen = await api('POST', `/rules/unfreeze?${formation()}`, { reason: 'Vote CFVU du 12 mars' }, testAdmin);
    expect(unfrozen.statusCode, unfrozen.body).toBe(200);
    expect(unfrozen.json()).toMatchObject({ frozen: null });
    expect(await audits('rules.unfrozen')).toBe(1);
    expect((await api('PUT', rule(f.paths.ec12), { coefficient: '4' })).statusCode).toBe(200);
    expect((await api('POST', `/rules/freeze?${formation()}`)).statusCode).toBe(200);
  });

  it('copies the MCC to the period the curriculum copies its offer to, as drafts, path for path', async () => {
    const next = await f.call('POST', '/api/referential/v1/periods', {
      code: '2027-2028',
      type: 'academic-year',
      labels: { fr: 'Année universitaire 2027-2028' },
      startDate: '2027-09-01',
      endDate: '2028-08-31',
    });
    await f.runtime.drainEvents();
    await f.call('POST', `/api/curriculum/v1/periods/${f.period.id}/copy`, { toPeriodId: next.id }, 200);
    await f.runtime.drainEvents();
    const copies = await f.runtime.request('GET', `/api/curriculum/v1/objects?periodId=${next.id}&type=formation`);
    const copy = (copies.json() as { items: { id: string; code: string }[] }).items.find((item) => item.code === 'LIC-INFO')!;
    await f.call('POST', `/api/curriculum/v1/objects/${copy.id}/validate`, undefined, 200);
    await f.runtime.drainEvents();

    const copied = (await api('GET', rule(f.paths.ec11, next.id))).json() as RuleView;
    expect(copied).toMatchObject({ source: 'stored', coefficient: '2.000', eliminatory: '7.000', version: 1, frozen: null });
    expect((await api('GET', rule(f.paths.ec12, next.id))).json()).toMatchObject({ coefficient: '4.000' });
    const exams = (await api('GET', `/assessments?periodId=${next.id}&path=${encodeURIComponent(f.paths.ec11)}`)).json() as Assessment[];
    expect(exams.map((a) => [a.session, a.code, a.coefficient, a.locked])).toEqual([[1, 'EXAM', '3.000', null]]);
    expect(await audits('rules.copied')).toBe(1);
    // A draft: the new period's MCC change, the old period's stay frozen.
    expect((await api('PUT', rule(f.paths.ec12, next.id), { coefficient: '5' })).statusCode).toBe(200);
    expect((await api('PUT', rule(f.paths.ec12), { coefficient: '5' })).statusCode).toBe(409);
  });

  it('freezes every formation for good when the curriculum archives the period', async () => {
    // Unfrozen by the administrator, then the period archived: frozen again, for good.
    expect((await api('POST', `/rules/unfreeze?${formation()}`, { reason: 'Correction' }, testAdmin)).statusCode).toBe(200);
    await f.call('POST', `/api/curriculum/v1/periods/${f.period.id}/archive`, undefined, 200);
    await f.runtime.drainEvents();
    const freeze = (await api('GET', `/rules/freeze?${formation()}`)).json() as RulesFreeze;
    expect(freeze.frozen).toMatchObject({ reason: 'period-archived', by: 'curriculum.period.archived' });
    const put = await api('PUT', rule(f.paths.ec21), { coefficient: '2' });
    expect([put.statusCode, put.json().detail]).toEqual([409, expect.stringContaining('the curriculum archived the period')]);
    const unfreeze = await api('POST', `/rules/unfreeze?${formation()}`, { reason: 'Erreur' }, testAdmin);
    expect([unfreeze.statusCode, unfreeze.json().type]).toEqual([409, 'urn:pegase:problem:rules-frozen']);
    expect((await api('POST', `/rules/freeze?${formation()}`)).json()).toMatchObject({ frozen: { reason: 'period-archived' } });
  });
});

import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '@pegase/platform';
import type { Assessment, RuleView, RulesImportReport } from '../../contract/index.ts';
import { assessmentRuntime, staffOf, teacherOf } from '../../../test/assessment-fixture.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const P = 'LIC-INFO>LIC-INFO-L1>S1';

/** What a scolarité types: French headers, `;`, decimal commas, three assessments of two sessions. */
const filled = [
  'chemin;coefficient;note de passage;crédits;compensation;note éliminatoire;session 2;ABJ;session 1 : CC (Contrôle continu);session 1 : EXAM (Examen terminal);S2 EXAM (Rattrapage)',
  `${P}>UE1>EC11;2;10;9;oui;7,5;meilleure;neutre;0,4;0,6;1`,
  `${P}>UE1>EC12;1;10;6;oui;;remplace;zéro;;1;1`,
  `${P.toLowerCase()} > ue2;1;10;15;non;;meilleure;neutre;;;`,
  '',
].join('\r\n');

describe('the MCC of a formation as a spreadsheet', () => {
  let f: Awaited<ReturnType<typeof assessmentRuntime>>;
  const staff = staffOf('UFR-S');
  const api = (method: string, url: string, body?: unknown, as = staff, headers: Record<string, string> = {}) =>
    f.runtime.request(method, `/api/assessment/v1${url}`, body, headers, as);
  const query = () => `periodId=${f.period.id}&formationId=${f.info.id}`;
  const importFile = (body: string | Buffer, type = 'text/csv', as = staff) => api('POST', `/rules/import?${query()}`, body, as, { 'content-type': type });
  const rule = async (path: string) => (await api('GET', `/rules?periodId=${f.period.id}&path=${encodeURIComponent(path)}`)).json() as RuleView;
  const exported = async (format: 'xlsx' | 'csv') => {
    const response = await api('GET', `/rules/export?${query()}&format=${format}`);
    expect(response.statusCode, response.body).toBe(200);
    return response;
  };
  const ruleAudits = async () =>
    Number(
      (
        await rowsOf<{ n: number }>(
          f.runtime.database.db,
          sql`select count(*)::int as n from audit.entries where module = 'assessment' and action = 'rule.changed'`,
        )
      )[0]!.n,
    );

  beforeAll(async () => {
    f = await assessmentRuntime();
  });
  afterAll(async () => f.runtime.close());

  it('exports every path with its effective rule, which imports back unchanged', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exported('xlsx')).rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'chemin',
      'libellé',
      'type',
      'coefficient',
      'note de passage',
      'crédits',
      'compensation',
      'note éliminatoire',
      'session 2',
      'ABJ',
    ]);
    expect(sheet.rowCount).toBe(10);
    expect(sheet.getRow(6).values).toEqual([undefined, `${P}>UE1>EC11`, 'EC11', 'ec', 1, 10, 9, 'oui', undefined, 'meilleure', 'neutre']);
    const again = await importFile((await exported('xlsx')).rawPayload, XLSX);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ rows: 9, rules: { changed: 0, unchanged: 9 }, assessments: { created: 0, changed: 0, unchanged: 0 } });
    expect((await rule(`${P}>UE1>EC11`)).source).toBe('default');
  });

  it('imports rules and assessments from a CSV as a scolarité fills it, audited like PUT /rules, and a second time changes nothing', async () => {
    const audits = await ruleAudits();
    const response = await importFile(filled);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json() as RulesImportReport).toEqual({
      periodId: f.period.id,
      formationId: f.info.id,
      rows: 3,
      rules: { changed: 3, unchanged: 0 },
      assessments: { created: 5, changed: 0, unchanged: 0 },
      ignoredColumns: [],
    });
    expect(await rule(`${P}>UE1>EC11`)).toMatchObject({ source: 'stored', coefficient: '2.000', eliminatory: '7.500', version: 1, frozen: null });
    expect(await rule(`${P}>UE1>EC12`)).toMatchObject({ session2: 'replace', abjPolicy: 'zero', eliminatory: null });
    expect(await rule(`${P}>UE2`)).toMatchObject({ compensates: false, credits: '15.000' });
    const list = (await api('GET', `/assessments?periodId=${f.period.id}&path=${encodeURIComponent(`${P}>UE1>EC11`)}`)).json() as Assessment[];
    expect(list.map((a) => [a.session, a.code, a.label, a.coefficient])).toEqual([
      [1, 'CC', 'Contrôle continu', '0.400'],
      [1, 'EXAM', 'Examen terminal', '0.600'],
      [2, 'EXAM', 'Rattrapage', '1.000'],
    ]);
    expect(await ruleAudits()).toBe(audits + 3);

    const twice = await importFile(filled);
    expect(twice.json()).toMatchObject({ rules: { changed: 0, unchanged: 3 }, assessments: { created: 0, changed: 0, unchanged: 5 } });
    expect((await rule(`${P}>UE1>EC11`)).version).toBe(1);
    expect(await ruleAudits()).toBe(audits + 3);
  });

  it('round-trips: an export (xlsx or csv) imports back unchanged and exports the same again', async () => {
    for (const format of ['xlsx', 'csv'] as const) {
      const file = await exported(format);
      const response = await importFile(file.rawPayload, format === 'xlsx' ? XLSX : 'text/csv');
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ rows: 9, rules: { changed: 0 }, assessments: { created: 0, changed: 0, unchanged: 5 } });
    }
    const csv = (await exported('csv')).body;
    expect(csv.startsWith('\uFEFFchemin;libellé;type;coefficient;')).toBe(true);
    expect(csv).toContain('session 1 : CC (Contrôle continu);session 1 : EXAM (Examen terminal);session 2 : EXAM (Rattrapage)');
    expect(csv).toContain(`${P}>UE1>EC11;EC11;ec;2;10;9;oui;7,5;meilleure;neutre;0,4;0,6;1`);
    expect((await exported('csv')).body).toBe(csv);
  });

  it('takes a workbook edited in Excel: one changed cell changes one rule, or one assessment', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exported('xlsx')).rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const row = sheet.getRows(2, 9)!.find((r) => r.getCell(1).value === `${P}>UE1>EC12`)!;
    row.getCell(4).value = 3;
    // EC12 gets a session-1 CC; EC11's exam weighs more.
    const ec11 = sheet.getRows(2, 9)!.find((r) => r.getCell(1).value === `${P}>UE1>EC11`)!;
    ec11.getCell(13).value = '0,8';
    row.getCell(11).value = 2;
    const response = await importFile(Buffer.from(await workbook.xlsx.writeBuffer()), XLSX);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ rules: { changed: 1, unchanged: 8 }, assessments: { created: 1, changed: 1, unchanged: 4 } });
    expect(await rule(`${P}>UE1>EC12`)).toMatchObject({ coefficient: '3.000', version: 2 });
  });

  it('reports every wrong row at once, with its row and column, and writes nothing', async () => {
    const bad = [
      'Chemin;Coef;Note de passage;Compensation;Note eliminatoire;Session 2;ABJ;session 1 : CC;Commentaire',
      `${P}>UE1>EC11;0;10;oui;;meilleure;neutre;1;à revoir`,
      `${P}>UE1>EC12;1,2345;25;peut-être;21;parfois;absent;;`,
      `${P}>UE9;1;10;oui;;meilleure;neutre;;`,
      `${P}>UE1;1;10;oui;;meilleure;neutre;2;`,
      `${P}>UE1>EC11;1;10;oui;;meilleure;neutre;;`,
      `;1;10;oui;;meilleure;neutre;;`,
    ].join('\n');
    const before = await rule(`${P}>UE1>EC11`);
    const response = await importFile(bad);
    expect(response.statusCode, response.body).toBe(422);
    const problem = response.json() as { type: string; detail: string; errors: { field: string; row: number; column: string; message: string }[] };
    expect(problem.type).toBe('urn:pegase:problem:invalid-import');
    expect(problem.errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'Coef'],
      [3, 'Coef'],
      [3, 'Note de passage'],
      [3, 'Compensation'],
      [3, 'Note eliminatoire'],
      [3, 'Session 2'],
      [3, 'ABJ'],
      [4, 'Chemin'],
      [5, 'session 1 : CC'],
      [6, 'Chemin'],
      [7, 'Chemin'],
    ]);
    expect(problem.errors[0]).toMatchObject({ in: 'body', field: '/rows/2/Coef' });
    expect(problem.errors[7]!.message).toContain('not a path of LIC-INFO');
    expect(problem.errors[9]!.message).toContain('already on row 2');
    expect(problem.detail).toContain('11 error(s) on 6 row(s); nothing was imported');
    expect(await rule(`${P}>UE1>EC11`)).toEqual(before);
  });

  it('reads a CSV saved by Excel in Windows-1252 with English headers, and names the columns it ignores', async () => {
    const text = ['path;coefficient;pass mark;compensates;session 2 policy;Remarque', `${P}>UE1;2;10;yes;best;à voir`].join('\r\n');
    const response = await importFile(Buffer.from(text, 'latin1'));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ rules: { changed: 1 }, ignoredColumns: ['Remarque'] });
    expect(await rule(`${P}>UE1`)).toMatchObject({ coefficient: '2.000', credits: '0.000' });
  });

  it('lets staff re-import the rows of objects another structure owns as exported, not change them', async () => {
    // A licence of the sciences sharing a language course owned by the faculty of letters.
    const letters = (await f.runtime.request('GET', '/api/referential/v1/structures?q=UFR-L')).json().items[0] as { id: string };
    const object = (code: string, type: string, parentId: string | null, owner = f.science.id) =>
      f.call('POST', '/api/curriculum/v1/objects', { periodId: f.period.id, code, type, labels: { fr: code }, ownerStructureId: owner, parentId });
    const licence = await object('LIC-MATH', 'formation', null);
    await object('ANGLAIS', 'ec', licence.id, letters.id);
    await object('ALGEBRE', 'ec', licence.id);
    await f.call('POST', `/api/curriculum/v1/objects/${licence.id}/validate`, undefined, 200);
    await f.runtime.drainEvents();
    const url = `/rules/import?periodId=${f.period.id}&formationId=${licence.id}`;
    const csv = (await api('GET', `/rules/export?periodId=${f.period.id}&formationId=${licence.id}&format=csv`)).body;
    expect(csv).toContain('LIC-MATH>ANGLAIS;ANGLAIS;ec;1;10;0;oui;;meilleure;neutre');
    const asExported = await api('POST', url, csv, staff, { 'content-type': 'text/csv' });
    expect(asExported.json()).toMatchObject({ rows: 3, rules: { changed: 0, unchanged: 3 } });
    const changed = csv
      .replace('LIC-MATH>ANGLAIS;ANGLAIS;ec;1;', 'LIC-MATH>ANGLAIS;ANGLAIS;ec;2;')
      .replace('LIC-MATH>ALGEBRE;ALGEBRE;ec;1;', 'LIC-MATH>ALGEBRE;ALGEBRE;ec;3;');
    const refused = await api('POST', url, changed, staff, { 'content-type': 'text/csv' });
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().errors).toEqual([
      expect.objectContaining({ row: 3, column: 'chemin', message: expect.stringContaining('ANGLAIS belongs to a structure outside yours') }),
    ]);
    expect(await rule('LIC-MATH>ALGEBRE')).toMatchObject({ source: 'default', coefficient: '1.000' });
  });

  it('refuses another file type, an unreadable workbook, staff of other structures and teachers', async () => {
    const json = await importFile('{}', 'application/json');
    expect([json.statusCode, json.json().type]).toEqual([415, 'urn:pegase:problem:unsupported-media-type']);
    const broken = await importFile(Buffer.from('not a zip'), XLSX);
    expect([broken.statusCode, broken.json().type]).toEqual([422, 'urn:pegase:problem:unreadable-file']);
    const elsewhere = await importFile(filled, 'text/csv', staffOf('UFR-L'));
    expect([elsewhere.statusCode, elsewhere.json().type]).toEqual([403, 'urn:pegase:problem:outside-scope']);
    expect((await importFile(filled, 'text/csv', teacherOf('UFR-S'))).statusCode).toBe(403);
    expect((await api('GET', `/rules/export?${query()}`, undefined, staffOf('UFR-L'))).statusCode).toBe(403);
    const unknown = await api('GET', `/rules/export?periodId=${f.period.id}&formationId=${f.infoL1.id}`);
    expect(unknown.statusCode).toBe(404);
  });
});

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenClaims } from '@pegase/platform';
import { testAdmin } from '@pegase/platform/testing';
import { api, curriculumRuntime, type CurriculumFixture, type Obj } from '../../../test/curriculum-fixture.ts';
import type { FormationDocument } from '../../contract/index.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const header = [
  'code',
  'code parent',
  'type',
  'libellé',
  'libellé anglais',
  'ECTS',
  'heures CM',
  'heures TD',
  'heures TP',
  'capacité',
  'ouvert au choix',
  "point d'inscription",
  'structure',
  'choix min',
  'choix max',
];
type Row = (string | number | boolean | null)[];

async function workbook(rows: Row[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Maquette');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A row of the sheet from the cells that matter, by column title. */
function row(cells: Record<string, string | number | null>): Row {
  return header.map((title) => cells[title] ?? null);
}

describe('the import of a maquette from a spreadsheet', () => {
  let f: CurriculumFixture;

  const upload = async (periodId: string, body: Buffer | string, contentType = XLSX, as: TokenClaims = testAdmin) =>
    f.runtime.app.inject({
      method: 'POST',
      url: `${api}/periods/${periodId}/import-xlsx`,
      headers: { 'content-type': contentType, authorization: `Bearer ${await f.runtime.tokenFor(as)}` },
      payload: body,
    });
  const countIn = async (periodId: string) => {
    const rows = await f.runtime.database.withRawSession((session) =>
      session.query<{ n: number }>('select count(*)::int as n from curriculum.objects where period_id = $1', [periodId]),
    );
    return Number(rows[0]!.n);
  };

  beforeAll(async () => {
    f = await curriculumRuntime();
  });
  afterAll(async () => f.runtime.close());

  it('imports a formation as drafts: children in row order, a shared EC under its two parents with one set of attributes', async () => {
    const file = await workbook([
      header,
      row({ code: 'XL-LIC', type: 'formation', libellé: 'Licence XL', 'libellé anglais': 'XL bachelor', ECTS: 180, structure: 'T-INFO' }),
      row({ code: 'XL-L1', 'code parent': 'XL-LIC', type: 'Année', libellé: 'L1', ECTS: 60, "point d'inscription": 'oui', structure: 'T-INFO' }),
      row({ code: 'XL-S1', 'code parent': 'XL-L1', type: 'Semestre', libellé: 'S1', ECTS: 30, structure: 'T-INFO' }),
      row({ code: 'XL-UE1', 'code parent': 'XL-S1', type: 'UE', libellé: 'Fondamentaux', ECTS: 6, structure: 'T-INFO' }),
      row({ code: 'XL-UE2', 'code parent': 'XL-S1', type: 'ue', libellé: 'Ouverture', ECTS: 6, structure: 'T-INFO' }),
      row({
        code: 'XL-EC-SH',
        'code parent': 'XL-UE1',
        type: 'EC',
        libellé: 'Anglais',
        'libellé anglais': 'English',
        ECTS: '4,5',
        'heures CM': 12,
        'heures TD': '18',
        structure: 'T-INFO',
      }),
      row({ code: 'XL-OPT', 'code parent': 'XL-UE2', type: 'Regroupement', libellé: 'Options', structure: 'UFR-T', 'choix min': 1, 'choix max': 1 }),
      row({ code: 'XL-EC-SH', 'code parent': 'XL-UE2' }), // the same EC, under a second parent
      row({ code: 'XL-ESP', 'code parent': 'XL-OPT', type: 'ec', libellé: 'Espagnol', 'ouvert au choix': 'oui', capacité: 25, structure: 'T-INFO' }),
      [],
      row({ code: 'XL-ALL', 'code parent': 'XL-OPT', type: 'ec', libellé: 'Allemand', 'ouvert au choix': 'Oui', structure: 'T-INFO' }),
    ]);
    const imported = await upload(f.period.id, file);
    expect(imported.statusCode, imported.body).toBe(200);
    const report = imported.json() as { objects: number; links: number; root: { id: string; code: string } };
    expect(report).toMatchObject({ objects: 9, links: 9, root: { code: 'XL-LIC' } });

    const tree = (await f.runtime.request('GET', `${api}/objects/${report.root.id}/tree`)).json() as { objects: Obj[]; nodes: { path: string }[] };
    expect(tree.nodes.map((node) => node.path)).toEqual([
      'XL-LIC',
      'XL-LIC>XL-L1',
      'XL-LIC>XL-L1>XL-S1',
      'XL-LIC>XL-L1>XL-S1>XL-UE1',
      'XL-LIC>XL-L1>XL-S1>XL-UE1>XL-EC-SH',
      'XL-LIC>XL-L1>XL-S1>XL-UE2',
      'XL-LIC>XL-L1>XL-S1>XL-UE2>XL-OPT',
      'XL-LIC>XL-L1>XL-S1>XL-UE2>XL-OPT>XL-ESP',
      'XL-LIC>XL-L1>XL-S1>XL-UE2>XL-OPT>XL-ALL',
      'XL-LIC>XL-L1>XL-S1>XL-UE2>XL-EC-SH',
    ]);
    expect(tree.objects.every((object) => object.status === 'draft')).toBe(true);
    const ec = tree.objects.find((object) => object.code === 'XL-EC-SH')!;
    expect(ec).toMatchObject({ type: 'ec', labels: { fr: 'Anglais', en: 'English' }, ects: 4.5, hours: { CM: 12, TD: 18 }, ownerStructureId: f.department.id });
    const paths = (await f.runtime.request('GET', `${api}/objects/${ec.id}/paths`)).json();
    expect(paths.paths).toEqual(['XL-LIC>XL-L1>XL-S1>XL-UE1>XL-EC-SH', 'XL-LIC>XL-L1>XL-S1>XL-UE2>XL-EC-SH']);
    expect(tree.objects.find((object) => object.code === 'XL-L1')).toMatchObject({ type: 'year', enrolmentPoint: true });
    expect(tree.objects.find((object) => object.code === 'XL-OPT')).toMatchObject({
      type: 'grouping',
      choice: { min: 1, max: 1 },
      ownerStructureId: f.faculty.id,
    });
    expect(tree.objects.find((object) => object.code === 'XL-ESP')).toMatchObject({ openForChoice: true, capacity: 25 });

    // The spreadsheet went through the JSON import's path: its export is that document.
    const exported = (await f.runtime.request('GET', `${api}/objects/${report.root.id}/export`)).json() as FormationDocument;
    expect(exported.links.filter((link) => link.childCode === 'XL-EC-SH')).toEqual([
      { parentCode: 'XL-UE1', childCode: 'XL-EC-SH', position: 0 },
      { parentCode: 'XL-UE2', childCode: 'XL-EC-SH', position: 1 },
    ]);
  });

  it('refuses a sheet with three bad rows, listing each by its row number, and imports nothing', async () => {
    const file = await workbook([
      header,
      row({ code: 'BR-LIC', type: 'formation', libellé: 'Licence', structure: 'T-INFO' }),
      row({ code: 'BR-UE', 'code parent': 'BR-LIK', type: 'ue', libellé: 'UE', structure: 'T-INFO' }),
      row({ code: 'BR-EC', 'code parent': 'BR-LIC', type: 'ec', libellé: 'EC', ECTS: 'six', structure: 'T-INFO' }),
      row({ code: 'BR-OPT', 'code parent': 'BR-LIC', type: 'grouping', libellé: 'Options', structure: 'T-INFO', 'choix min': 3, 'choix max': 1 }),
      row({ code: 'BR-OK', 'code parent': 'BR-OPT', type: 'ec', libellé: 'Bonne ligne', structure: 'T-INFO' }),
    ]);
    const before = await countIn(f.period.id);
    const refused = await upload(f.period.id, file);
    expect(refused.statusCode).toBe(422);
    const problem = refused.json() as { type: string; detail: string; errors: { in: string; field: string; message: string }[] };
    expect(problem.type).toBe('urn:pegase:problem:invalid-import');
    expect(problem.errors).toEqual([
      { in: 'body', field: '/rows/3/parentCode', message: 'code parent: no row has the code BR-LIK: each parent needs its own row (check the spelling)' },
      { in: 'body', field: '/rows/4/ects', message: 'ECTS: "six" is not a number of credits from 0 to 999 in steps of 0.5 (e.g. 6 or 4,5)' },
      { in: 'body', field: '/rows/5/choiceMin', message: 'choix min: The choice range [3, 1] is empty: min must not exceed max.' },
    ]);
    expect(problem.detail).toMatch(/^The sheet has 3 error\(s\) on 3 row\(s\); nothing was imported\./);
    expect(problem.detail).toContain('row 3, code parent: no row has the code BR-LIK');
    expect(problem.detail).toContain('row 4, ECTS');
    expect(problem.detail).toContain('row 5, choix min');
    expect(await countIn(f.period.id)).toBe(before);
  });

  it('reports every other kind of bad row in one answer: codes, kinds, repeats, the period, structures, cycles', async () => {
    await f.create('TAKEN', 'ue');
    const english = [
      'Code',
      'Parent code',
      'Type',
      'Label',
      'English label',
      'ECTS',
      'CM hours',
      'Capacity',
      'Open for choice',
      'Structure',
      'Min choice',
      'Max choice',
    ];
    const file = await workbook([
      [], // an empty first row: the header is the first row that holds something
      english,
      ['EV-LIC', null, 'formation', 'Licence', null, 180, null, null, null, 'T-INFO'],
      ['ev-ue', 'EV-LIC', 'ue', 'UE'],
      ['EV-UE', 'EV-LIC', 'castle', 'UE'],
      ['EV-EC', 'EV-LIC', 'ec', 'EC', null, 3, null, null, 'peut-être', 'T-INFO'],
      ['EV-EC', 'EV-LIC', null, null, null, 3],
      ['EV-EC', 'EV-LIC', null, null, null, 4],
      ['TAKEN', 'EV-LIC', 'ue', 'Déjà là', null, null, null, null, null, 'T-INFO'],
      ['EV-X', 'EV-LIC', 'ue', 'X', null, null, null, null, null, 'NOWHERE'],
      ['EV-A', 'EV-B', 'ue', 'A', null, null, null, null, null, 'T-INFO'],
      ['EV-B', 'EV-A', 'ue', 'B', null, null, null, null, null, 'T-INFO'],
      ['EV-LIC2', null, 'formation', 'Autre', null, null, null, null, null, 'T-INFO'],
      ['EV-G', 'EV-LIC', 'grouping', 'G', null, null, null, null, null, 'T-INFO', null, 2],
    ]);
    const refused = await upload(f.period.id, file);
    expect(refused.statusCode, refused.body).toBe(422);
    const errors = (refused.json().errors as { field: string; message: string }[]).map((error) => [error.field, error.message]);
    expect(errors).toEqual([
      ['/rows/4/code', expect.stringContaining('"ev-ue" is not a valid code: upper-case letters A–Z, digits and "-", 1 to 40 characters (write EV-UE)')],
      ['/rows/5/type', 'Type: "castle" is not a kind of training object; write one of formation, year, semester, ue, ec, grouping, track (or their names)'],
      ['/rows/6/openForChoice', 'Open for choice: "peut-être" is neither oui nor non'],
      ['/rows/7/parentCode', 'Parent code: repeats row 6: EV-EC is already placed under EV-LIC'],
      ['/rows/8/ects', 'ECTS: differs from row 6, where EV-EC is described; leave it empty on a row that only adds a parent'],
      ['/rows/8/parentCode', 'Parent code: repeats row 6: EV-EC is already placed under EV-LIC'],
      ['/rows/9/code', 'Code: TAKEN already exists in this period'],
      ['/rows/10/structure', 'Structure: NOWHERE is not a structure of the referential'],
      ['/rows/11/parentCode', 'Parent code: placing EV-A under EV-B closes a cycle: EV-B > EV-A > EV-B'],
      ['/rows/13/parentCode', expect.stringContaining('is empty, as on row 3 (EV-LIC): a sheet holds one formation')],
      ['/rows/14/choiceMin', 'Min choice: is empty while choix max is filled in: fill in both, or neither'],
    ]);
  });

  it('answers 415 for another type of body, 413 past 10 MB, and 422 for a file that is no workbook', async () => {
    const json = await f.runtime.request('POST', `${api}/periods/${f.period.id}/import-xlsx`, { format: 'x' });
    expect(json.statusCode).toBe(415);
    expect(json.json()).toMatchObject({ type: 'urn:pegase:problem:unsupported-media-type', detail: expect.stringContaining(XLSX) });
    const big = await upload(f.period.id, Buffer.alloc(11 * 1024 * 1024));
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ type: 'urn:pegase:problem:payload-too-large', detail: expect.stringContaining('at most 10 MB') });
    const notAWorkbook = await upload(f.period.id, 'code;code parent\nA;\n');
    expect(notAWorkbook.statusCode).toBe(422);
    expect(notAWorkbook.json()).toMatchObject({ type: 'urn:pegase:problem:unreadable-file', detail: expect.stringContaining('.xlsx') });
    const empty = await upload(f.period.id, await workbook([]));
    expect(empty.json()).toMatchObject({ status: 422, errors: [{ field: '/rows/1', message: expect.stringContaining('the sheet is empty') }] });
    const missing = await upload(f.period.id, await workbook([['code', 'libellé', 'couleur']]));
    expect(missing.json().errors.map((error: { field: string }) => error.field)).toEqual(['/rows/1/couleur', '/rows/1/parentCode', '/rows/1/type']);
  });

  it('serves a template whose layout the import reads: header, an example with a shared EC, a help sheet', async () => {
    const template = await f.runtime.request('GET', `${api}/import-template.xlsx`, undefined, {}, { subject: 'x-teacher', roles: ['teacher'] });
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-type']).toBe(XLSX);
    expect(template.headers['content-disposition']).toContain('.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Maquette', 'Aide']);
    expect((book.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(header);

    // Imported as it is, only its example structure (UFR-SCI, of the demo university) is unknown here.
    const imported = await upload(f.nextPeriod.id, template.rawPayload);
    expect(imported.statusCode).toBe(422);
    const fields = (imported.json().errors as { field: string }[]).map((error) => error.field);
    expect(fields.length).toBe(7);
    expect(fields.every((field) => field.endsWith('/structure'))).toBe(true);
  });
});

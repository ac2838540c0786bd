import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenClaims } from '@pegase/platform';
import type { Assessment, HistoryEntry, MarksImportReport, Sheet } from '../../contract/index.ts';
import { assessmentRuntime, staffOf, teacherOf } from '../../../test/assessment-fixture.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function workbookOf(rows: (string | number | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Notes');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function rowsOfWorkbook(bytes: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('marks imported from a spreadsheet (CSV or XLSX), all or nothing', () => {
  let f: Awaited<ReturnType<typeof assessmentRuntime>>;
  const staff = staffOf('UFR-S');
  let exam: Assessment;
  let onTen: Assessment;
  const learners: Awaited<ReturnType<typeof f.validatedLearner>>[] = [];
  const api = (method: string, url: string, body?: unknown, headers: Record<string, string> = {}, as: TokenClaims = staff) =>
    f.runtime.request(method, `/api/assessment/v1${url}`, body, headers, as);
  const importFile = (assessment: Assessment, body: Buffer | string, type: string, as: TokenClaims = staff) =>
    api('POST', `/assessments/${assessment.id}/marks/import`, typeof body === 'string' ? Buffer.from(body, 'utf8') : body, { 'content-type': type }, as);
  const marksOf = async (assessment: Assessment) =>
    Object.fromEntries(((await api('GET', `/assessments/${assessment.id}/sheet`)).json() as Sheet).lines.map((line) => [line.familyName, line.mark]));
  const codeOf = (index: number) => learners[index]!.learner.code;

  beforeAll(async () => {
    f = await assessmentRuntime();
    for (const name of ['Martin', 'Bernard', 'Dubois', 'Petit']) learners.push(await f.validatedLearner(name));
    // Petit is exempted from EC11: a known learner, not on its sheets.
    await f.call('PUT', `/api/registration/v1/enrolments/${learners[3]!.enrolment.id}/exemptions`, { path: f.paths.ec11, reason: 'VAE' }, 200);
    await f.runtime.drainEvents();
    const create = async (code: string, scale?: number) => {
      const response = await api('POST', '/assessments', { periodId: f.period.id, path: f.paths.ec11, session: 1, code, label: code, scale });
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as Assessment;
    };
    exam = await create('EXAM');
    onTen = await create('TP', 10);
  });
  afterAll(async () => f.runtime.close());

  it('serves the sheet as a template to fill in, in XLSX and in CSV, with the scale in the header', async () => {
    const xlsx = await api('GET', `/assessments/${exam.id}/marks/template`);
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    expect(xlsx.headers['content-type']).toBe(XLSX);
    expect(xlsx.headers['content-disposition']).toContain('notes-EXAM-session1.xlsx');
    const rows = await rowsOfWorkbook(xlsx.rawPayload);
    expect(rows[0]).toEqual(['code apprenant', 'nom', 'prénoms', 'note (/20)']);
    expect(rows.slice(1).map((row) => row[1])).toEqual(['Bernard', 'Dubois', 'Martin']);

    const csv = await api('GET', `/assessments/${onTen.id}/marks/template?format=csv`);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('code apprenant;nom;prénoms;note (/10)');
  });

  it('imports a CSV as Excel saves it (BOM, ";", decimal comma); an empty mark changes nothing; history as by hand', async () => {
    const file = `\uFEFFcode apprenant;nom;prénoms;note (/20)\r\n${codeOf(0)};Martin;Camille;12,5\r\n${codeOf(1)};Bernard;Camille;abj\r\n${codeOf(2)};Dubois;Camille;\r\n`;
    const response = await importFile(exam, file, 'text/csv');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json() as MarksImportReport).toMatchObject({ rows: 3, changed: 2, unchanged: 0, empty: 1 });
    expect(await marksOf(exam)).toEqual({ Martin: '12.500', Bernard: 'ABJ', Dubois: null });
    const history = (await api('GET', `/assessments/${exam.id}/marks/${learners[0]!.enrolment.id}/history`)).json() as HistoryEntry[];
    expect(history.map((entry) => [entry.before, entry.after, entry.by])).toEqual([[null, '12.500', 'staff.ufr-s']]);

    // The same file again: nothing changes, and no line is added to the history.
    expect((await importFile(exam, file, 'text/csv')).json()).toMatchObject({ changed: 0, unchanged: 2, empty: 1 });
    expect((await api('GET', `/assessments/${exam.id}/marks/${learners[0]!.enrolment.id}/history`)).json()).toHaveLength(1);
  });

  it('imports a CSV with "," and decimal points, by enrolment id, and a workbook with numbers typed as numbers', async () => {
    const byEnrolment = `inscription,note\n${learners[2]!.enrolment.id},9.75\n`;
    expect((await importFile(exam, byEnrolment, 'text/csv; charset=utf-8')).json()).toMatchObject({ changed: 1, empty: 0 });

    const workbook = await workbookOf([
      ['Code apprenant', 'Nom', 'Note'],
      [codeOf(0), 'Martin', 14.25],
      [codeOf(1), 'Bernard', 'ABI'],
      [codeOf(2), 'Dubois', 9.75],
    ]);
    const response = await importFile(exam, workbook, XLSX);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ rows: 3, changed: 2, unchanged: 1 });
    expect(await marksOf(exam)).toEqual({ Martin: '14.250', Bernard: 'ABI', Dubois: '9.750' });

    // The template, downloaded and imported back as it is, changes nothing.
    const template = (await api('GET', `/assessments/${exam.id}/marks/template`)).rawPayload;
    expect((await importFile(exam, template, XLSX)).json()).toMatchObject({ rows: 3, changed: 0, unchanged: 3 });
    const csvTemplate = (await api('GET', `/assessments/${exam.id}/marks/template?format=csv`)).rawPayload;
    expect((await importFile(exam, csvTemplate, 'text/csv')).json()).toMatchObject({ rows: 3, changed: 0, unchanged: 3 });
  });

  it('reports every wrong row at once, by row and column, and imports nothing', async () => {
    const before = await marksOf(exam);
    const file = [
      'code apprenant;note',
      `${codeOf(0)};11`,
      'PGS9999999;12',
      `${codeOf(3)};13`,
      `${codeOf(1)};douze`,
      `${codeOf(2)};21`,
      `${codeOf(0)};10`,
      ';10',
      `${learners[1]!.learner.code.toLowerCase()};12,3456`,
    ].join('\n');
    const response = await importFile(exam, file, 'text/csv');
    expect(response.statusCode, response.body).toBe(422);
    const problem = response.json();
    expect(problem.type).toBe('urn:pegase:problem:invalid-import');
    expect(problem.errors.map((error: { field: string }) => error.field)).toEqual([
      '/rows/3/learnerCode',
      '/rows/4/learnerCode',
      '/rows/5/mark',
      '/rows/6/mark',
      '/rows/7/learnerCode',
      '/rows/8/learnerCode',
      '/rows/9/learnerCode',
      '/rows/9/mark',
    ]);
    const messages = problem.errors.map((error: { message: string }) => error.message);
    expect(problem.errors[0]).toMatchObject({ row: 3, column: 'code apprenant' });
    expect(problem.errors[2]).toMatchObject({ row: 5, column: 'note' });
    expect(messages[0]).toContain('no learner has the code PGS9999999');
    expect(messages[1]).toContain('is not on this sheet');
    expect(messages[2]).toContain('is not a number');
    expect(messages[3]).toContain('is not between 0 and 20');
    expect(messages[4]).toContain('already on row 2');
    expect(messages[5]).toContain('is empty');
    expect(messages[6]).toContain('already on row 5');
    expect(messages[7]).toContain('more than 3 decimals');
    expect(problem.detail).toContain('no mark was imported');
    expect(problem.detail).toContain('row 3, code apprenant: no learner has the code PGS9999999');
    expect(await marksOf(exam)).toEqual(before);
  });

  it('checks marks against the assessment’s scale', async () => {
    const bad = await importFile(onTen, `code apprenant;note (/10)\n${codeOf(0)};12\n`, 'text/csv');
    expect([bad.statusCode, bad.json().errors[0].message]).toEqual([422, expect.stringContaining('between 0 and 10')]);
    expect((await importFile(onTen, `code apprenant;note (/10)\n${codeOf(0)};8,5\n`, 'text/csv')).json()).toMatchObject({ changed: 1 });
    expect((await marksOf(onTen)).Martin).toBe('8.500');
  });

  it('refuses a locked sheet (409), a file it cannot read (422) or of another type (415), a header without its columns (422)', async () => {
    const file = `code apprenant;note\n${codeOf(0)};15\n`;
    expect((await api('POST', `/assessments/${exam.id}/lock`)).statusCode).toBe(200);
    const locked = await importFile(exam, file, 'text/csv');
    expect([locked.statusCode, locked.json().type]).toEqual([409, 'urn:pegase:problem:sheet-locked']);
    expect((await api('POST', `/assessments/${exam.id}/unlock`)).statusCode).toBe(200);

    const unreadable = await importFile(exam, Buffer.from('not a zip at all'), XLSX);
    expect([unreadable.statusCode, unreadable.json().type]).toEqual([422, 'urn:pegase:problem:unreadable-file']);
    const json = await api('POST', `/assessments/${exam.id}/marks/import`, { marks: [] });
    expect([json.statusCode, json.json().type]).toEqual([415, 'urn:pegase:problem:unsupported-media-type']);
    for (const [body, type] of [
      ['', 'text/csv'],
      ['', XLSX],
    ] as const) {
      const empty = await importFile(exam, body, type);
      expect([empty.statusCode, empty.json().type], `empty ${type}`).toEqual([
        422,
        type === XLSX ? 'urn:pegase:problem:unreadable-file' : 'urn:pegase:problem:invalid-import',
      ]);
    }
    const notAnId = await importFile(exam, 'inscription;note\nabc;12\n', 'text/csv');
    expect([notAnId.statusCode, notAnId.json().errors[0].message]).toEqual([422, expect.stringContaining('no enrolment has the id abc')]);
    const header = await importFile(exam, `nom;prénom\nMartin;Camille\n`, 'text/csv');
    expect([header.statusCode, header.json().type]).toEqual([422, 'urn:pegase:problem:invalid-import']);
    expect(header.json().detail).toContain('« code apprenant »');
    expect(header.json().detail).toContain('« note »');
  });

  it('lets a teacher import on the sheets of what they teach only', async () => {
    const teacher = teacherOf('UFR-S');
    const file = `code apprenant;note\n${codeOf(0)};16\n`;
    const refused = await importFile(exam, file, 'text/csv', teacher);
    expect([refused.statusCode, refused.json().type]).toEqual([403, 'urn:pegase:problem:not-teaching']);
    expect((await api('GET', `/assessments/${exam.id}/marks/template`, undefined, {}, teacher)).statusCode).toBe(403);
    expect((await api('PUT', `/objects/${f.objectIds.ec11}/teachers`, { teachers: ['teacher.ufr-s'] })).statusCode).toBe(200);
    expect((await importFile(exam, file, 'text/csv', teacher)).json()).toMatchObject({ changed: 1 });
    expect((await api('GET', `/assessments/${exam.id}/marks/template`, undefined, {}, teacher)).statusCode).toBe(200);
    expect((await importFile(exam, file, 'text/csv', staffOf('UFR-L'))).statusCode).toBe(403);
  });
});

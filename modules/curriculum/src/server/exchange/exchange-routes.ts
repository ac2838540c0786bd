import { Type } from 'typebox';
import { originOf, Problem, validatorCompiler, type FieldError, type ModuleApp, type ModuleContext } from '@pegase/platform';
import { Id, IdParams } from '@pegase/referential/contract';
import { curriculumPermissions, FormationDocument, FormationImportReport } from '../../contract/index.ts';
import { listObjectTypes } from '../objects/object-queries.ts';
import type { ImportIssue } from './formation-check.ts';
import { exportFormation } from './formation-export.ts';
import { importFormation, MAX_LISTED_ERRORS, reportJsonIssues, type IssueReporter } from './formation-import.ts';
import { lineOf, readSheet, type SheetReading } from './xlsx-sheet.ts';
import { importTemplate, readFirstSheet, XLSX_BODY_LIMIT, XLSX_CONTENT_TYPE } from './xlsx-workbook.ts';

const read = { access: { permission: curriculumPermissions.read } };
const write = { access: { permission: curriculumPermissions.write } };
const PeriodParams = Type.Object({ periodId: Id }, { additionalProperties: false });
/** A formation of thousands of objects is a few MB of JSON. */
const JSON_IMPORT_BODY_LIMIT = 10 * 1024 * 1024;

/** JSON export and import of a formation; import of a maquette from a spreadsheet (XLSX), and its template. */
export async function exchangeRoutes(app: ModuleApp, context: ModuleContext): Promise<void> {
  app.get(
    '/objects/:id/export',
    {
      config: read,
      schema: {
        summary:
          'Export a formation (or any object and what is below it) as a self-contained JSON document: objects by code, owners by structure code, links by codes; no id. The same formation always exports to the same bytes.',
        operationId: 'exportFormation',
        params: IdParams,
        response: { 200: FormationDocument },
      },
    },
    async (request) => exportFormation(context.db, request.params.id),
  );

  app.post(
    '/periods/:periodId/import',
    {
      config: write,
      bodyLimit: JSON_IMPORT_BODY_LIMIT,
      schema: {
        summary:
          'Import a formation document (as exported) into a period, as drafts, all or nothing. 409 duplicate-code lists the codes already used in the period; 422 unknown-structure lists unknown owner codes; 422 invalid-import lists every other error. Staff import only objects owned within their structures.',
        operationId: 'importFormation',
        params: PeriodParams,
        body: FormationDocument,
        response: { 200: FormationImportReport },
      },
    },
    async (request) => importFormation(context, request.params.periodId, request.body, originOf(request), { report: reportJsonIssues }),
  );

  app.get(
    '/import-template.xlsx',
    {
      config: read,
      schema: {
        summary:
          'The spreadsheet template of a maquette: the header row (code, code parent, type, libellé, libellé anglais, ECTS, heures CM, heures TD, heures TP, capacité, ouvert au choix, point d’inscription, structure, choix min, choix max), an example formation, and a sheet explaining each column.',
        operationId: 'getImportTemplate',
        produces: [XLSX_CONTENT_TYPE],
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'The .xlsx template.' }) },
      },
    },
    async (_request, reply) =>
      reply
        .type(XLSX_CONTENT_TYPE)
        .header('content-disposition', 'attachment; filename="maquette-modele.xlsx"')
        .send(await importTemplate()),
  );

  // The spreadsheet parser lives in its own scope: no other route accepts XLSX.
  await app.register(async (plugin) => {
    const scope = plugin as unknown as ModuleApp;
    scope.addContentTypeParser(XLSX_CONTENT_TYPE, { parseAs: 'buffer', bodyLimit: XLSX_BODY_LIMIT }, (_request, body, done) => done(null, body));

    scope.post(
      '/periods/:periodId/import-xlsx',
      {
        config: write,
        onRequest: async (request) => requireXlsx(request.headers['content-type'], request.headers['content-length']),
        // The body is the file's bytes, read by the parser above: the schema only documents it.
        validatorCompiler: (route) => (route.httpPart === 'body' ? () => true : validatorCompiler(route)),
        schema: {
          summary:
            'Import a maquette from a spreadsheet (.xlsx, first sheet): a header row, then one row per object with the code of its parent (see GET /import-template.xlsx). All or nothing, as drafts: 422 invalid-import lists every wrong row (/rows/<row>/<column>) and nothing is written.',
          operationId: 'importFormationXlsx',
          consumes: [XLSX_CONTENT_TYPE],
          params: PeriodParams,
          body: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'The .xlsx file, at most 10 MB.' }),
          response: { 200: FormationImportReport },
        },
      },
      async (request) => {
        const sheet = readSheet(await readFirstSheet(request.body), await listObjectTypes(context.db));
        return importFormation(context, request.params.periodId, sheet.document, originOf(request), {
          report: reportSheetIssues(sheet),
          partial: sheet.errors.length > 0,
        });
      },
    );
  });
}

/** The spreadsheet import takes .xlsx only, and says so before reading the body. */
function requireXlsx(contentType: string | undefined, contentLength: string | undefined): void {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== XLSX_CONTENT_TYPE) {
    const got = contentType === undefined ? 'no Content-Type' : `Content-Type ${contentType}`;
    throw new Problem(
      415,
      'unsupported-media-type',
      'Unsupported media type',
      `The import takes an Excel workbook (.xlsx) sent as Content-Type: ${XLSX_CONTENT_TYPE} (got ${got}). A JSON document goes to …/import.`,
    );
  }
  const length = Number(contentLength);
  if (Number.isFinite(length) && length > XLSX_BODY_LIMIT) {
    throw new Problem(
      413,
      'payload-too-large',
      'Payload too large',
      `The file weighs ${(length / 1024 / 1024).toFixed(1)} MB; the import takes at most ${XLSX_BODY_LIMIT / 1024 / 1024} MB. Remove images and other sheets, or split the maquette.`,
    );
  }
}

/** Where an issue of the document built from the sheet lies in the sheet. */
const columnOfField: Record<string, string> = {
  code: 'code',
  type: 'type',
  'labels/fr': 'label',
  'labels/en': 'labelEn',
  ects: 'ects',
  capacity: 'capacity',
  ownerStructureCode: 'structure',
  choice: 'choiceMin',
  'choice/min': 'choiceMin',
  'choice/max': 'choiceMax',
};

/**
 * Every error of the sheet by row, those of the rows themselves and those
 * against the period (codes used, unknown structures, cycles…), as one 422.
 */
function reportSheetIssues(sheet: SheetReading): IssueReporter {
  return (issues: ImportIssue[]) => {
    const errors: FieldError[] = [...sheet.errors];
    for (const issue of issues) {
      const [line, key] =
        issue.at === 'root'
          ? [sheet.headerLine, 'parentCode']
          : 'objects' in issue.at
            ? [sheet.objectLines[issue.at.objects]!, columnOfField[issue.field] ?? 'code']
            : [sheet.linkLines[issue.at.links]!, 'parentCode'];
      errors.push({ in: 'body', field: `/rows/${line}/${key}`, message: `${sheet.titles.get(key) ?? key}: ${issue.message}` });
    }
    if (errors.length === 0) return undefined;
    errors.sort((a, b) => lineOf(a) - lineOf(b));
    const rows = new Set(errors.map(lineOf)).size;
    const first = errors
      .slice(0, 10)
      .map((error) => `row ${lineOf(error)}, ${error.message}`)
      .join('; ');
    const more = errors.length > 10 ? ` (and ${errors.length - 10} more)` : '';
    const listed = errors.length > MAX_LISTED_ERRORS ? ` The first ${MAX_LISTED_ERRORS} are listed.` : '';
    return new Problem(
      422,
      'invalid-import',
      'Business rule violated',
      `The sheet has ${errors.length} error(s) on ${rows} row(s); nothing was imported. Correct them and import the whole sheet again: ${first}${more}.${listed}`,
      { errors: errors.slice(0, MAX_LISTED_ERRORS) },
    );
  };
}

import { Type } from 'typebox';
import { originOf, validatorCompiler, type ModuleApp, type ModuleContext } from '@pegase/platform';
import { AssessmentParams, assessmentPermissions, MarksImportReport, MarkTemplateQuery } from '../../contract/index.ts';
import { sheetInReach } from '../assessments/assessment-store.ts';
import { sheetLinesOf } from '../assessments/marks.ts';
import { assertTableUpload, CSV_CONTENT_TYPE, TABLE_BODY_LIMIT, tableFormatOf, XLSX_CONTENT_TYPE } from '../spreadsheets/table-file.ts';
import { importMarks } from './mark-import.ts';
import { markTemplate } from './mark-template.ts';

const binary = (description: string) => Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description });

/** Marks from a spreadsheet (CSV or XLSX) and the sheet as a spreadsheet to fill in. */
export async function markImportRoutes(app: ModuleApp, context: ModuleContext): Promise<void> {
  app.get(
    '/assessments/:id/marks/template',
    {
      config: { access: { permission: assessmentPermissions.marksRead } },
      schema: {
        summary:
          'The mark sheet as a file to fill in and import back (xlsx by default, or csv: UTF-8, ";", decimal comma): code apprenant, nom, prénoms, note (/scale) with the current marks; the workbook explains the columns on a second sheet.',
        operationId: 'getMarksTemplate',
        params: AssessmentParams,
        querystring: MarkTemplateQuery,
        produces: [XLSX_CONTENT_TYPE, CSV_CONTENT_TYPE],
        response: { 200: binary('The .xlsx or .csv file.') },
      },
    },
    async (request, reply) => {
      const format = request.query.format ?? 'xlsx';
      const { assessment, lines } = await context.transaction(async (tx) => {
        const found = await sheetInReach(tx, originOf(request), request.params.id, 'download this mark sheet');
        return { assessment: found.assessment, lines: await sheetLinesOf(tx, found.row) };
      });
      const file = await markTemplate(assessment, lines, format);
      return reply
        .type(format === 'csv' ? `${CSV_CONTENT_TYPE}; charset=utf-8` : XLSX_CONTENT_TYPE)
        .header('content-disposition', `attachment; filename="notes-${assessment.code}-session${assessment.session}.${format}"`)
        .send(file);
    },
  );

  // The file parsers live in their own scope: no other route of the module takes CSV or XLSX.
  await app.register(async (plugin) => {
    const scope = plugin as unknown as ModuleApp;
    scope.addContentTypeParser(
      [XLSX_CONTENT_TYPE, CSV_CONTENT_TYPE, 'application/csv'],
      { parseAs: 'buffer', bodyLimit: TABLE_BODY_LIMIT },
      (_request, body, done) => done(null, body),
    );
    scope.post(
      '/assessments/:id/marks/import',
      {
        config: { access: { permission: assessmentPermissions.marksWrite } },
        onRequest: async (request) => assertTableUpload(request.headers['content-type'], request.headers['content-length'], 'the file of marks'),
        // The body is the file's bytes, read by the parser above: the schema only documents it.
        validatorCompiler: (route) => (route.httpPart === 'body' ? () => true : validatorCompiler(route)),
        schema: {
          summary:
            'Import the marks of a sheet from a spreadsheet: .xlsx (first sheet) or CSV (UTF-8 with or without BOM, ";" or ",", decimal comma or point), a header row with « code apprenant » (or « inscription ») and « note », one learner a row; an empty note leaves the mark as it is. All or nothing: 422 invalid-import lists every wrong row (/rows/<row>/<column>: unknown learner, not on the sheet, duplicate row, not a number, out of the scale, more than 3 decimals) and nothing is written; 409 sheet-locked. Written as the manual entry (history, event); the same file again changes nothing.',
          operationId: 'importMarks',
          consumes: [XLSX_CONTENT_TYPE, CSV_CONTENT_TYPE],
          params: AssessmentParams,
          body: binary('The .xlsx or .csv file, at most 10 MB.'),
          response: { 200: MarksImportReport },
        },
      },
      async (request) => importMarks(context, request.params.id, request.body as Buffer, tableFormatOf(request.headers['content-type'])!, originOf(request)),
    );
  });
}

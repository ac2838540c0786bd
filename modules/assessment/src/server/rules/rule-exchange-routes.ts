import { Type } from 'typebox';
import { originOf, validatorCompiler, type ModuleApp, type ModuleContext } from '@pegase/platform';
import { assessmentPermissions, FormationRulesQuery, RulesExportQuery, RulesImportReport } from '../../contract/index.ts';
import { assertOwnsObject } from '../shared/access.ts';
import { assertTableUpload, CSV_CONTENT_TYPE, readTable, TABLE_BODY_LIMIT, tableFormatOf, XLSX_CONTENT_TYPE } from '../spreadsheets/table-file.ts';
import { exportRules } from './rule-export.ts';
import { formationOf } from './rule-freeze.ts';
import { importRules } from './rule-import.ts';

/** The MCC of a formation as a spreadsheet: exported, filled in by the scolarité, imported back. */
export async function ruleExchangeRoutes(app: ModuleApp, context: ModuleContext): Promise<void> {
  app.get(
    '/rules/export',
    {
      config: { access: { permission: assessmentPermissions.rulesRead } },
      schema: {
        summary:
          'The MCC of a formation for a period as a spreadsheet (format=xlsx, the default, or csv): one row per path with its effective rule, and a column per assessment (épreuve) of a session holding its coefficient. It imports back unchanged.',
        operationId: 'exportRules',
        querystring: RulesExportQuery,
        produces: [XLSX_CONTENT_TYPE, CSV_CONTENT_TYPE],
        response: {
          200: {
            description: 'The sheet (.xlsx, or CSV with `;` and a decimal comma).',
            content: {
              [XLSX_CONTENT_TYPE]: { schema: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) },
              'text/csv': { schema: Type.String() },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const { periodId, formationId } = request.query;
      const format = request.query.format ?? 'xlsx';
      const scope = originOf(request).scope;
      const { code, file } = await context.transaction(async (tx) => {
        const formation = await formationOf(tx, periodId, formationId);
        await assertOwnsObject(tx, scope, formationId, 'read the MCC of this formation');
        return { code: formation.code, file: await exportRules(tx, scope, periodId, formation.code, format) };
      });
      return reply
        .type(format === 'xlsx' ? XLSX_CONTENT_TYPE : 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="mcc-${code}.${format}"`)
        .send(file);
    },
  );

  // The file parsers live in their own scope: no other route of the module takes these types.
  await app.register(async (plugin) => {
    const scope = plugin as unknown as ModuleApp;
    for (const type of [XLSX_CONTENT_TYPE, CSV_CONTENT_TYPE, 'application/csv'])
      scope.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: TABLE_BODY_LIMIT }, (_request, body, done) => done(null, body));
    scope.post(
      '/rules/import',
      {
        config: { access: { permission: assessmentPermissions.rulesWrite } },
        onRequest: async (request) => assertTableUpload(request.headers['content-type'], request.headers['content-length'], 'the MCC sheet'),
        // The body is the file's bytes, read by the parsers above: the schema only documents it.
        validatorCompiler: (route) => (route.httpPart === 'body' ? () => true : validatorCompiler(route)),
        schema: {
          summary:
            'Import the MCC of a formation for a period from a spreadsheet (.xlsx or CSV, as GET /rules/export writes it; French or English headers, decimal comma accepted): all or nothing, every wrong row in one 422 invalid-import (errors[] with row, column, message); rules and assessments already equal are left alone, so a second import changes nothing. 409 rules-frozen once the MCC are frozen.',
          operationId: 'importRules',
          consumes: [XLSX_CONTENT_TYPE, CSV_CONTENT_TYPE],
          querystring: FormationRulesQuery,
          body: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'The .xlsx or CSV file, at most 10 MB.' }),
          response: { 200: RulesImportReport },
        },
      },
      async (request) => {
        const { periodId, formationId } = request.query;
        const rows = await readTable(request.body as Buffer, tableFormatOf(request.headers['content-type'])!);
        return importRules(context, periodId, formationId, rows, originOf(request));
      },
    );
  });
}

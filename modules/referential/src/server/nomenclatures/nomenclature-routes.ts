import { Type } from 'typebox';
import {
  listQuery,
  pageOf,
  Problem,
  type ModuleApp,
  type ModuleContext,
  IfMatchHeaders,
  sendCreated,
  sendVersioned,
  expectedVersion,
  originOf,
  historyRoute,
} from '@pegase/platform';
import {
  Code,
  CreateNomenclature,
  CreateNomenclatureValue,
  Id,
  ImportReport,
  IsoDate,
  Nomenclature,
  NomenclatureValue,
  NomenclatureValueFilters,
  nomenclatureValueSortFields,
  referentialPermissions,
  UpdateNomenclature,
  UpdateNomenclatureValue,
} from '../../contract/index.ts';
import { createNomenclature, createNomenclatureValue, updateNomenclature, updateNomenclatureValue } from './nomenclature-commands.ts';
import { decodeCsv } from './nomenclature-csv.ts';
import { importNomenclatureValues } from './nomenclature-import.ts';
import {
  getNomenclature,
  getNomenclatureValue,
  listNomenclatures,
  listNomenclatureValues,
  nomenclatureSortFields,
  nomenclatureValueAt,
} from './nomenclature-queries.ts';

const read = { access: { permission: referentialPermissions.read } };
const write = { access: { permission: referentialPermissions.writeNomenclatures } };

const NomenclatureParams = Type.Object({ code: Code }, { additionalProperties: false });
const ValueParams = Type.Object({ code: Code, id: Id }, { additionalProperties: false });
const ValueAtParams = Type.Object(
  { code: Code, valueCode: { ...Code, description: 'Code of the value, e.g. a country code.' }, date: IsoDate },
  { additionalProperties: false },
);
const NomenclatureFilters = {
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Text contained in the code or the labels, case ignored.' })),
};

/** Largest CSV file accepted by the import: about 100,000 values. */
export const CSV_BODY_LIMIT = 10 * 1024 * 1024;

export async function nomenclatureRoutes(app: ModuleApp, context: ModuleContext): Promise<void> {
  app.get(
    '/nomenclatures',
    {
      config: read,
      schema: {
        summary: 'List nomenclatures (countries, baccalauréat series, régimes…), by code, with cursor pagination.',
        operationId: 'listNomenclatures',
        querystring: listQuery(nomenclatureSortFields, NomenclatureFilters),
        response: { 200: pageOf(Nomenclature) },
      },
    },
    async (request) => listNomenclatures(context.db, request.query),
  );

  app.post(
    '/nomenclatures',
    {
      config: write,
      schema: {
        summary: 'Create a nomenclature; its values are then added one by one or imported from CSV.',
        operationId: 'createNomenclature',
        body: CreateNomenclature,
        response: { 201: Nomenclature },
      },
    },
    async (request, reply) => {
      const nomenclature = await createNomenclature(context, request.body, originOf(request));
      return sendCreated(request, reply, nomenclature, nomenclature.code);
    },
  );

  app.get(
    '/nomenclatures/:code',
    {
      config: read,
      schema: { summary: 'Read one nomenclature.', operationId: 'getNomenclature', params: NomenclatureParams, response: { 200: Nomenclature } },
    },
    async (request, reply) => {
      const nomenclature = await getNomenclature(context.db, request.params.code);
      return sendVersioned(reply, nomenclature);
    },
  );

  app.patch(
    '/nomenclatures/:code',
    {
      config: write,
      schema: {
        summary: 'Change the labels or the description of a nomenclature.',
        operationId: 'updateNomenclature',
        params: NomenclatureParams,
        headers: IfMatchHeaders,
        body: UpdateNomenclature,
        response: { 200: Nomenclature },
      },
    },
    async (request, reply) => {
      const nomenclature = await updateNomenclature(
        context,
        request.params.code,
        request.body,
        expectedVersion(request.headers['if-match']),
        originOf(request),
      );
      return sendVersioned(reply, nomenclature);
    },
  );

  app.get(
    '/nomenclatures/:code/values',
    {
      config: read,
      schema: {
        summary: 'List the values of a nomenclature, optionally only those valid on a date, with cursor pagination.',
        operationId: 'listNomenclatureValues',
        params: NomenclatureParams,
        querystring: listQuery(nomenclatureValueSortFields, NomenclatureValueFilters),
        response: { 200: pageOf(NomenclatureValue) },
      },
    },
    async (request) => listNomenclatureValues(context.db, request.params.code, request.query),
  );

  app.post(
    '/nomenclatures/:code/values',
    {
      config: write,
      schema: {
        summary: 'Add a value to a nomenclature; its validity must not overlap another interval of the same code.',
        operationId: 'createNomenclatureValue',
        params: NomenclatureParams,
        body: CreateNomenclatureValue,
        response: { 201: NomenclatureValue },
      },
    },
    async (request, reply) => {
      const value = await createNomenclatureValue(context, request.params.code, request.body, originOf(request));
      return sendCreated(request, reply, value, value.id);
    },
  );

  app.get(
    '/nomenclatures/:code/values/:id',
    {
      config: read,
      schema: { summary: 'Read one value of a nomenclature.', operationId: 'getNomenclatureValue', params: ValueParams, response: { 200: NomenclatureValue } },
    },
    async (request, reply) => {
      const value = await getNomenclatureValue(context.db, request.params.code, request.params.id);
      return sendVersioned(reply, value);
    },
  );

  app.patch(
    '/nomenclatures/:code/values/:id',
    {
      config: write,
      schema: {
        summary: 'Change the labels of a value, or close or reopen its validity (validTo).',
        operationId: 'updateNomenclatureValue',
        params: ValueParams,
        headers: IfMatchHeaders,
        body: UpdateNomenclatureValue,
        response: { 200: NomenclatureValue },
      },
    },
    async (request, reply) => {
      const value = await updateNomenclatureValue(
        context,
        request.params.code,
        request.params.id,
        request.body,
        expectedVersion(request.headers['if-match']),
        originOf(request),
      );
      return sendVersioned(reply, value);
    },
  );

  app.get(
    '/nomenclatures/:code/values/:valueCode/at/:date',
    {
      config: read,
      schema: {
        summary:
          'The value of a code valid on a date (e.g. a birth country at the birth date): 422 value-not-valid, saying when it is valid, if it is not valid then; 404 if the code never existed.',
        operationId: 'getNomenclatureValueAt',
        params: ValueAtParams,
        response: { 200: NomenclatureValue },
      },
    },
    async (request) => nomenclatureValueAt(context.db, request.params.code, request.params.valueCode, request.params.date),
  );

  historyRoute(app, context, {
    url: '/nomenclatures/:code/history',
    params: NomenclatureParams,
    targetType: 'nomenclature',
    targetIdOf: (params) => params.code,
    ensureExists: (params) => getNomenclature(context.db, params.code),
    permission: referentialPermissions.readHistory,
    summary: 'The change history of a nomenclature (its labels and description; each value has its own), newest first.',
    operationId: 'getNomenclatureHistory',
  });

  historyRoute(app, context, {
    url: '/nomenclatures/:code/values/:id/history',
    params: ValueParams,
    targetType: 'nomenclature-value',
    targetIdOf: (params) => params.id,
    ensureExists: (params) => getNomenclatureValue(context.db, params.code, params.id),
    permission: referentialPermissions.readHistory,
    summary: 'The change history of one value of a nomenclature (added, labels or validity changed, by the API or an import), newest first.',
    operationId: 'getNomenclatureValueHistory',
  });

  // The CSV parser lives in its own scope: no other route accepts text/csv.
  await app.register(async (plugin) => {
    const scope = plugin as unknown as ModuleApp;
    scope.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: CSV_BODY_LIMIT }, (_request, body, done) => {
      try {
        done(null, decodeCsv(body as Buffer));
      } catch (error) {
        done(error as Error, undefined);
      }
    });

    scope.post(
      '/nomenclatures/:code/values/import',
      {
        config: write,
        onRequest: async (request) => requireCsv(request.headers['content-type']),
        schema: {
          summary:
            'Import values from a CSV file (text/csv, UTF-8, header code,label_fr,label_en,valid_from,valid_to in any order, separator , or ;). Upserts by (code, validFrom), all or nothing: 422 lists every invalid line.',
          operationId: 'importNomenclatureValues',
          consumes: ['text/csv'],
          params: NomenclatureParams,
          body: Type.String({ description: 'The CSV file.', examples: ['code,label_fr,label_en,valid_from,valid_to\n100,France,France,1943-01-01,\n'] }),
          response: { 200: ImportReport },
        },
      },
      async (request) => importNomenclatureValues(context, request.params.code, request.body, originOf(request)),
    );
  });
}

/** The import takes UTF-8 CSV only; anything else is refused before the body is read. */
function requireCsv(contentType: string | undefined): void {
  const [type = '', ...parameters] = (contentType ?? '').split(';').map((part) => part.trim().toLowerCase());
  const charset = parameters
    .find((parameter) => parameter.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/"/g, '');
  if (type === 'text/csv' && (charset === undefined || charset === 'utf-8' || charset === 'utf8')) return;
  const got = contentType === undefined ? 'no Content-Type' : `Content-Type ${contentType}`;
  throw new Problem(
    415,
    'unsupported-media-type',
    'Unsupported media type',
    `The import takes a CSV file sent as Content-Type: text/csv in UTF-8 (got ${got}).`,
  );
}

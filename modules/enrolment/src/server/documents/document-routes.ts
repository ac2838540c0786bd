import { Type } from 'typebox';
import { notFound, originOf, Problem, type ModuleApp, type ModuleContext } from '@pegase/platform';
import { IdParams } from '@pegase/referential/contract';
import {
  CreateDocumentRequirement,
  DOCUMENT_MAX_BYTES,
  DOCUMENT_MEDIA_TYPES,
  DocumentParams,
  DocumentRequirement,
  EnrolmentDocument,
  enrolmentPermissions,
  ReviewDocument,
} from '../../contract/index.ts';
import { forChange } from '../enrolments/enrolment-commands.ts';
import { ownEnrolment } from '../enrolments/own-enrolment.ts';
import { createRequirement, reviewDocument, uploadDocument } from './document-commands.ts';
import { documentsOf, listRequirements } from './document-queries.ts';

const read = { access: { permission: enrolmentPermissions.enrolmentsRead } };
const write = { access: { permission: enrolmentPermissions.enrolmentsWrite } };
const self = { access: { permission: enrolmentPermissions.self } };
const UPLOAD_TYPES = [...DOCUMENT_MEDIA_TYPES, 'application/octet-stream'];

export async function documentRoutes(app: ModuleApp, context: ModuleContext): Promise<void> {
  app.get(
    '/document-requirements',
    {
      config: read,
      schema: {
        summary: 'The rules saying which supporting documents are required.',
        operationId: 'listDocumentRequirements',
        response: { 200: Type.Array(DocumentRequirement) },
      },
    },
    async () => listRequirements(context.db),
  );

  app.post(
    '/document-requirements',
    {
      config: { access: { permission: enrolmentPermissions.requirements } },
      schema: {
        summary: 'Require a document type, for every enrolment or for a point, régime or profile.',
        operationId: 'createDocumentRequirement',
        body: CreateDocumentRequirement,
        response: { 201: DocumentRequirement },
      },
    },
    async (request, reply) => reply.status(201).send(await createRequirement(context, request.body)),
  );

  app.get(
    '/enrolments/:id/documents',
    {
      config: read,
      schema: {
        summary: 'The documents an enrolment needs, and what was received.',
        operationId: 'listEnrolmentDocuments',
        params: IdParams,
        response: { 200: Type.Array(EnrolmentDocument) },
      },
    },
    async (request) =>
      context.transaction(async (tx) => documentsOf(tx, await forChange(tx, request.params.id, undefined, originOf(request), 'read this enrolment'))),
  );

  app.post(
    '/enrolments/:id/documents/:documentType/review',
    {
      config: write,
      schema: {
        summary: 'Accept a document, or reject it with a reason the student reads.',
        operationId: 'reviewEnrolmentDocument',
        params: DocumentParams,
        body: ReviewDocument,
        response: { 200: EnrolmentDocument },
      },
    },
    async (request) =>
      context.transaction(async (tx) => {
        const origin = originOf(request);
        const enrolment = await forChange(tx, request.params.id, undefined, origin, 'review the documents of this enrolment');
        return reviewDocument(context, tx, enrolment, request.params.documentType, request.body.decision, request.body.reason, origin);
      }),
  );

  app.get(
    '/me/enrolments/:id/documents',
    {
      config: self,
      schema: {
        summary: 'The documents the student’s enrolment needs, with their status and any reason for a rejection.',
        operationId: 'listMyEnrolmentDocuments',
        params: IdParams,
        response: { 200: Type.Array(EnrolmentDocument) },
      },
    },
    async (request) => context.transaction(async (tx) => documentsOf(tx, await ownEnrolment(tx, request.principal, request.params.id))),
  );

  // Uploads take the file as the request body, in their own scope: no other route accepts these types.
  await app.register(async (plugin) => {
    const scope = plugin as unknown as ModuleApp;
    scope.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: DOCUMENT_MAX_BYTES }, (_request, body, done) => done(null, body));
    const upload = (summary: string, operationId: string, owner: 'self' | 'staff') => ({
      config: { access: { permission: owner === 'self' ? enrolmentPermissions.self : enrolmentPermissions.enrolmentsWrite } as { permission: string } },
      onRequest: async (request: { headers: Record<string, string | string[] | undefined> }) => {
        const type = String(request.headers['content-type'] ?? '')
          .split(';')[0]!
          .trim()
          .toLowerCase();
        if (!UPLOAD_TYPES.includes(type)) {
          throw new Problem(
            415,
            'unsupported-media-type',
            'Unsupported media type',
            `Send the file itself as the body, with Content-Type ${DOCUMENT_MEDIA_TYPES.join(', ')} (got ${type || 'none'}).`,
          );
        }
      },
      schema: {
        summary,
        operationId,
        consumes: UPLOAD_TYPES,
        params: DocumentParams,
        // The body is the file itself (not JSON): its type is checked from its content, its size by the parser.
        description: `The body is the file: PDF, JPEG or PNG (read from its content), at most ${DOCUMENT_MAX_BYTES / 1024 / 1024} MB.`,
        response: { 200: EnrolmentDocument },
      },
    });
    scope.put(
      '/me/enrolments/:id/documents/:documentType',
      upload('Send (or replace) one of the student’s supporting documents.', 'uploadMyEnrolmentDocument', 'self'),
      async (request) =>
        context.transaction(async (tx) =>
          uploadDocument(
            context,
            tx,
            await ownEnrolment(tx, request.principal, request.params.id),
            request.params.documentType,
            request.body as Buffer,
            originOf(request),
          ),
        ),
    );
    scope.put(
      '/enrolments/:id/documents/:documentType',
      upload('Send (or replace) a supporting document on a student’s behalf (at the desk).', 'uploadEnrolmentDocument', 'staff'),
      async (request) =>
        context.transaction(async (tx) => {
          const origin = originOf(request);
          const enrolment = await forChange(tx, request.params.id, undefined, origin, 'send documents for this enrolment');
          return uploadDocument(context, tx, enrolment, request.params.documentType, request.body as Buffer, origin);
        }),
    );
  });

  app.get(
    '/enrolments/:id/documents/:documentType/file',
    {
      config: read,
      schema: {
        summary: 'Download a received document (as it was checked: same bytes, same SHA-256).',
        operationId: 'downloadEnrolmentDocument',
        params: DocumentParams,
      },
    },
    async (request, reply) => {
      const entry = await context.transaction(async (tx) => {
        const enrolment = await forChange(tx, request.params.id, undefined, originOf(request), 'read this enrolment');
        return (await documentsOf(tx, enrolment)).find((d) => d.documentType === request.params.documentType);
      });
      const file = entry?.file ? await context.files.get(context.db, entry.file.id) : undefined;
      if (file === undefined) throw notFound(`${request.params.documentType} document of the enrolment`, request.params.id);
      return reply
        .type(file.mediaType)
        .header(
          'content-disposition',
          `inline; filename="${request.params.documentType.toLowerCase()}${file.mediaType === 'application/pdf' ? '.pdf' : file.mediaType === 'image/png' ? '.png' : '.jpg'}"`,
        )
        .header('x-content-type-options', 'nosniff')
        .send(file.content);
    },
  );
}

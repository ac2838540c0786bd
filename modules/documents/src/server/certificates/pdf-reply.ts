import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static, type TObject } from 'typebox';
import { originOf, type ModuleApp, type Origin, type Principal } from '@pegase/platform';
import type { Certificate, DocumentKind } from '../../contract/index.ts';

const fileNames: Record<DocumentKind, Record<'fr' | 'en', string>> = {
  enrolment: { fr: 'certificat-de-scolarite', en: 'certificate-of-enrolment' },
  transcript: { fr: 'releve-de-notes', en: 'transcript' },
  'pass-certificate': { fr: 'attestation-de-reussite', en: 'pass-certificate' },
};

/** The PDF shown in the browser (inline), never cached, named after the document, the learner and the period (and the session). */
function sendPdf(reply: FastifyReply, { certificate, pdf }: { certificate: Certificate; pdf: Buffer }): FastifyReply {
  const session = certificate.results === null ? '' : `-session-${certificate.results.session}`;
  const name = `${fileNames[certificate.kind][certificate.language]}-${certificate.holder.code}-${certificate.period.code}${session}`;
  const filename = name.replace(/[^A-Za-z0-9-]/g, '-');
  return reply
    .type('application/pdf')
    .header('content-disposition', `inline; filename="${filename}.pdf"`)
    .header('cache-control', 'no-store')
    .header('x-certificate-code', certificate.code)
    .send(pdf);
}

/** A route that issues a document: its declaration, and what it is asked. */
export interface PdfRoute<P extends TObject, Q extends TObject> {
  url: string;
  permission: string;
  /** « The transcript (relevé de notes) »: what the PDF answered is. */
  what: string;
  summary: string;
  description: string;
  operationId: string;
  params: P;
  querystring: Q;
}

export interface PdfRequest<P extends TObject, Q extends TObject> {
  params: Static<P>;
  query: Static<Q>;
  principal: Principal | null;
  origin: Origin;
}

/**
 * Declares a GET route answering a document as its PDF (`application/pdf`,
 * its verification code in X-Certificate-Code): every route of the module
 * that issues a document, whatever its kind.
 */
export function pdfRoute<P extends TObject, Q extends TObject>(
  app: ModuleApp,
  route: PdfRoute<P, Q>,
  issue: (request: PdfRequest<P, Q>) => Promise<{ certificate: Certificate; pdf: Buffer }>,
): void {
  app.get(
    route.url,
    {
      config: { access: { permission: route.permission } },
      schema: {
        summary: route.summary,
        description: route.description,
        operationId: route.operationId,
        params: route.params,
        querystring: route.querystring,
        produces: ['application/pdf'],
        response: {
          200: {
            description: `${route.what} as an A4 PDF. Its verification code is also in the X-Certificate-Code header.`,
            content: { 'application/pdf': { schema: Type.String({ format: 'binary' }) } },
          },
        },
      },
    },
    async (request: FastifyRequest, reply) => {
      const asked = { params: request.params as Static<P>, query: request.query as Static<Q>, principal: request.principal, origin: originOf(request) };
      return sendPdf(reply, await issue(asked));
    },
  );
}

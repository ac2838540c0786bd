import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { Certificate, DocumentKind } from '../../contract/index.ts';

/** The 200 answer of every route that issues a document. */
export const pdfResponse = (what: string) => ({
  description: `${what} as an A4 PDF. Its verification code is also in the X-Certificate-Code header.`,
  content: { 'application/pdf': { schema: Type.String({ format: 'binary' }) } },
});

const fileNames: Record<DocumentKind, Record<'fr' | 'en', string>> = {
  enrolment: { fr: 'certificat-de-scolarite', en: 'certificate-of-enrolment' },
  transcript: { fr: 'releve-de-notes', en: 'transcript' },
  'pass-certificate': { fr: 'attestation-de-reussite', en: 'pass-certificate' },
};

/** The PDF shown in the browser (inline), never cached, named after the document, the learner and the period (and the session). */
export function sendPdf(reply: FastifyReply, { certificate, pdf }: { certificate: Certificate; pdf: Buffer }): FastifyReply {
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

import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { originOf, scopeOf, type ModuleApp, type ModuleContext } from '@pegase/platform';
import { CertificateQuery, documentsPermissions, EnrolmentParams, type Certificate } from '../../contract/index.ts';
import { issueCertificate } from './certificate-commands.ts';

const PdfResponse = {
  description: 'The certificate as an A4 PDF. Its verification code is also in the X-Certificate-Code header.',
  content: { 'application/pdf': { schema: Type.String({ format: 'binary' }) } },
};

const description =
  'Each call issues a new certificate with its own verification code, recorded with its file. For a validated enrolment, or provisional for a submitted one whose fees are settled (409 enrolment-not-validated otherwise); the certificate shows as revoked once the enrolment is cancelled.';

function sendPdf(reply: FastifyReply, { certificate, pdf }: { certificate: Certificate; pdf: Buffer }): FastifyReply {
  const name = certificate.language === 'fr' ? 'certificat-de-scolarite' : 'certificate-of-enrolment';
  const filename = `${name}-${certificate.holder.code}-${certificate.period.code}`.replace(/[^A-Za-z0-9-]/g, '-');
  return reply
    .type('application/pdf')
    .header('content-disposition', `inline; filename="${filename}.pdf"`)
    .header('cache-control', 'no-store')
    .header('x-certificate-code', certificate.code)
    .send(pdf);
}

export async function certificateRoutes(app: ModuleApp, context: ModuleContext, publicUrl: string): Promise<void> {
  app.get(
    '/enrolments/:enrolmentId/certificate',
    {
      config: { access: { permission: documentsPermissions.certificatesRead } },
      schema: {
        summary:
          'Issue the certificate of enrolment (certificat de scolarité) as PDF: final for a validated enrolment, provisional (and saying so) for a submitted one whose fees are settled; staff for the points of their structures.',
        description,
        operationId: 'issueEnrolmentCertificate',
        params: EnrolmentParams,
        querystring: CertificateQuery,
        produces: ['application/pdf'],
        response: { 200: PdfResponse },
      },
    },
    async (request, reply) =>
      sendPdf(
        reply,
        await issueCertificate(
          context,
          request.params.enrolmentId,
          request.query.lang ?? 'fr',
          { kind: 'scope', scope: scopeOf(request.principal) },
          publicUrl,
          originOf(request),
        ),
      ),
  );

  app.get(
    '/me/enrolments/:enrolmentId/certificate',
    {
      config: { access: { permission: documentsPermissions.self } },
      schema: {
        summary: 'The signed-in student’s certificate of enrolment as PDF: final once validated, provisional once submitted and paid (404 for anyone else’s).',
        description,
        operationId: 'issueMyEnrolmentCertificate',
        params: EnrolmentParams,
        querystring: CertificateQuery,
        produces: ['application/pdf'],
        response: { 200: PdfResponse },
      },
    },
    async (request, reply) =>
      sendPdf(
        reply,
        await issueCertificate(
          context,
          request.params.enrolmentId,
          request.query.lang ?? 'fr',
          { kind: 'self', learnerCode: request.principal?.learnerCode ?? null },
          publicUrl,
          originOf(request),
        ),
      ),
  );
}

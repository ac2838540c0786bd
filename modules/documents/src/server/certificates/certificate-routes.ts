import { originOf, scopeOf, type ModuleApp, type ModuleContext } from '@pegase/platform';
import { CertificateQuery, documentsPermissions, EnrolmentParams } from '../../contract/index.ts';
import { issueCertificate } from './certificate-commands.ts';
import { pdfResponse, sendPdf } from './pdf-reply.ts';

const PdfResponse = pdfResponse('The certificate');

const description =
  'Each call issues a new certificate with its own verification code, recorded with its file. For a validated enrolment, or provisional for a submitted one whose fees are settled (409 enrolment-not-validated otherwise); the certificate shows as revoked once the enrolment is cancelled.';

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

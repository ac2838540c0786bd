import { scopeOf, type ModuleApp, type ModuleContext } from '@pegase/platform';
import { CertificateQuery, documentsPermissions, EnrolmentParams } from '../../contract/index.ts';
import { issueCertificate } from './certificate-commands.ts';
import { pdfRoute } from './pdf-reply.ts';

const description =
  'Each call issues a new certificate with its own verification code, recorded with its file. For a validated enrolment, or provisional for a submitted one whose fees are settled (409 enrolment-not-validated otherwise); the certificate shows as revoked once the enrolment is cancelled.';

export async function certificateRoutes(app: ModuleApp, context: ModuleContext, publicUrl: string): Promise<void> {
  const route = { what: 'The certificate', description, params: EnrolmentParams, querystring: CertificateQuery };
  pdfRoute(
    app,
    {
      ...route,
      url: '/enrolments/:enrolmentId/certificate',
      permission: documentsPermissions.certificatesRead,
      summary:
        'Issue the certificate of enrolment (certificat de scolarité) as PDF: final for a validated enrolment, provisional (and saying so) for a submitted one whose fees are settled; staff for the points of their structures.',
      operationId: 'issueEnrolmentCertificate',
    },
    ({ params, query, principal, origin }) =>
      issueCertificate(context, params.enrolmentId, query.lang ?? 'fr', { kind: 'scope', scope: scopeOf(principal) }, publicUrl, origin),
  );
  pdfRoute(
    app,
    {
      ...route,
      url: '/me/enrolments/:enrolmentId/certificate',
      permission: documentsPermissions.self,
      summary: 'The signed-in student’s certificate of enrolment as PDF: final once validated, provisional once submitted and paid (404 for anyone else’s).',
      operationId: 'issueMyEnrolmentCertificate',
    },
    ({ params, query, principal, origin }) =>
      issueCertificate(context, params.enrolmentId, query.lang ?? 'fr', { kind: 'self', learnerCode: principal?.learnerCode ?? null }, publicUrl, origin),
  );
}

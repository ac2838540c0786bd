import { eq } from 'drizzle-orm';
import { conflict, notFound, type Executor, type ModuleContext, type Origin } from '@pegase/platform';
import type { Certificate, CertificateLanguage } from '../../contract/index.ts';
import { enrolments } from '../shared/tables.ts';
import { assertMayIssue, enrolmentParts, issueDocument, snapshotOf, type Requester } from './issue-document.ts';

const statusReason: Record<string, string> = {
  draft: 'it is still a draft: once it is submitted and its fees are settled, a provisional certificate can be issued',
  submitted: 'it is submitted but its fees are not settled yet: a provisional certificate comes once they are paid or waived',
  cancelled: 'it was cancelled',
};

/** A validated enrolment gets a certificate; a submitted one whose fees are settled, a provisional one; others none. */
function certificateKind(enrolment: { status: string; paymentStatus: string }): 'final' | 'provisional' | null {
  if (enrolment.status === 'validated') return 'final';
  if (enrolment.status === 'submitted' && (enrolment.paymentStatus === 'paid' || enrolment.paymentStatus === 'exempt')) return 'provisional';
  return null;
}

/**
 * Issues a certificate of enrolment: checks who asks and that the enrolment
 * is validated (or submitted with its fees settled: then the certificate is
 * provisional and says so), and issues it. In the issuing transaction, the
 * enrolment's row is locked and checked again, so that a cancellation
 * either comes first (and the issue is refused) or revokes it.
 */
export async function issueCertificate(
  context: ModuleContext,
  enrolmentId: string,
  language: CertificateLanguage,
  requester: Requester,
  publicUrl: string,
  origin: Origin,
): Promise<{ certificate: Certificate; pdf: Buffer }> {
  const prepared = await prepareCertificate(context.db, enrolmentId, requester);
  const draft = { kind: 'enrolment' as const, enrolmentId, language, provisional: prepared.kind === 'provisional', results: null, ...prepared.snapshot };
  return issueDocument(context, draft, publicUrl, origin, async (tx) => {
    const [enrolment] = await tx.select().from(enrolments).where(eq(enrolments.id, enrolmentId)).for('share');
    const kind = enrolment === undefined ? null : certificateKind(enrolment);
    if (kind !== prepared.kind) {
      throw conflict('enrolment-changed', 'The enrolment changed while its certificate was being printed (cancelled or validated): ask for it again.');
    }
  });
}

/** Who asks and what the certificate will say: the checks and reads before printing. */
async function prepareCertificate(db: Executor, enrolmentId: string, requester: Requester) {
  const [enrolment] = await db.select().from(enrolments).where(eq(enrolments.id, enrolmentId));
  if (enrolment === undefined) throw notFound('Enrolment', enrolmentId);
  const parts = await enrolmentParts(db, enrolment);
  await assertMayIssue(db, requester, parts, () => notFound('Enrolment', enrolmentId));
  const kind = certificateKind(enrolment);
  if (kind === null) {
    throw conflict(
      'enrolment-not-validated',
      `A certificate of enrolment is issued for a validated enrolment (a provisional one once submitted and paid); this one is ${enrolment.status}: ${statusReason[enrolment.status]}.`,
    );
  }
  return { kind, snapshot: await snapshotOf(db, parts) };
}

import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { conflict, notFound, Problem, type Executor, type ModuleContext, type Origin, type Scope } from '@pegase/platform';
import { documentsEvents, type Certificate, type CertificateLanguage } from '../../contract/index.ts';
import { certificates, enrolmentPoints, enrolments, establishment, learners, periods, structures } from '../shared/tables.ts';
import { toCertificate } from './certificate-mapper.ts';
import { printCertificate } from './certificate-printer.ts';
import { academicYearOf } from './certificate-texts.ts';
import { newVerificationCode } from './verification-code.ts';

/** Who asks: staff or an integration (within a scope), or a student for their own enrolments. */
export type Requester = { kind: 'scope'; scope: Scope } | { kind: 'self'; learnerCode: string | null };

export const verificationUrlOf = (publicUrl: string, code: string) => `${publicUrl}/api/documents/v1/verify/${code}`;

async function assertManagesPoint(db: Executor, scope: Scope, ownerStructureId: string | null): Promise<void> {
  if (scope.global) return;
  if (ownerStructureId !== null && scope.structureCodes.length > 0) {
    const [owner] = await db.select({ lineage: structures.lineageCodes }).from(structures).where(eq(structures.id, ownerStructureId));
    if (owner !== undefined && owner.lineage.some((code) => scope.structureCodes.includes(code))) return;
  }
  const yours = scope.structureCodes.length === 0 ? 'no structure' : scope.structureCodes.join(', ');
  throw new Problem(
    403,
    'outside-scope',
    'Forbidden',
    `You may not issue the certificate of this enrolment: your rights cover the enrolment points of ${yours} and the structures below.`,
  );
}

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
 * provisional and says so), prints the PDF with a new verification code, and
 * keeps the file (with its SHA-256) and what it said, announced and audited
 * in one transaction. The PDF is printed before that transaction (printing
 * takes milliseconds of CPU that no connection should wait for); the
 * transaction then locks the enrolment's row and checks again that it
 * still allows this certificate, so that a cancellation either comes first
 * (and the issue is refused) or revokes it.
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
  const code = newVerificationCode();
  const verificationUrl = verificationUrlOf(publicUrl, code);
  const issuedAt = new Date();
  const provisional = prepared.kind === 'provisional';
  const pdf = await printCertificate({ language, code, verificationUrl, issuedAt, provisional, ...prepared.snapshot });
  return context.transaction(async (tx) => {
    const [enrolment] = await tx.select().from(enrolments).where(eq(enrolments.id, enrolmentId)).for('share');
    const kind = enrolment === undefined ? null : certificateKind(enrolment);
    if (kind !== prepared.kind) {
      throw conflict('enrolment-changed', 'The enrolment changed while its certificate was being printed (cancelled or validated): ask for it again.');
    }
    const file = await context.files.put(tx, context.module, pdf, 'application/pdf');
    const [row] = await tx
      .insert(certificates)
      .values({
        id: randomUUID(),
        code,
        enrolmentId,
        learnerId: prepared.snapshot.holder.learnerId,
        language,
        ...prepared.snapshot,
        fileId: file.id,
        size: file.size,
        sha256: file.sha256,
        verificationUrl,
        issuedAt,
        issuedBy: origin.actor.subject,
        provisional,
      })
      .returning();
    const certificate = toCertificate(row!);
    await context.publish(tx, documentsEvents.certificateIssued, certificate, { subject: certificate.id, origin });
    return { certificate, pdf };
  });
}

/** Who asks and what the certificate will say: the checks and reads before printing. */
async function prepareCertificate(db: Executor, enrolmentId: string, requester: Requester) {
  const [enrolment] = await db.select().from(enrolments).where(eq(enrolments.id, enrolmentId));
  if (enrolment === undefined) throw notFound('Enrolment', enrolmentId);
  const [learner] = await db.select().from(learners).where(eq(learners.id, enrolment.learnerId));
  const [point] = await db.select().from(enrolmentPoints).where(eq(enrolmentPoints.objectId, enrolment.pointId));
  // A student learns nothing of other learners' enrolments, not even that they exist.
  if (requester.kind === 'self' && (requester.learnerCode === null || learner?.code !== requester.learnerCode)) throw notFound('Enrolment', enrolmentId);
  if (requester.kind === 'scope') await assertManagesPoint(db, requester.scope, point?.ownerStructureId ?? null);
  const kind = certificateKind(enrolment);
  if (kind === null) {
    throw conflict(
      'enrolment-not-validated',
      `A certificate of enrolment is issued for a validated enrolment (a provisional one once submitted and paid); this one is ${enrolment.status}: ${statusReason[enrolment.status]}.`,
    );
  }
  const [period] = await db.select().from(periods).where(eq(periods.id, enrolment.periodId));
  const [school] = await db.select().from(establishment);
  if (school === undefined) {
    throw conflict(
      'establishment-not-set',
      'The establishment (name, UAI) is not set in the referential: a certificate must name it. An administrator sets it first.',
    );
  }
  if (learner === undefined || point === undefined || period === undefined) {
    throw new Problem(
      503,
      'busy',
      'Try again',
      'The learner, the enrolment point or the period of this enrolment has not reached the documents module yet: try again in a moment.',
    );
  }
  const snapshot = {
    holder: {
      learnerId: learner.id,
      code: learner.code,
      ine: learner.ine,
      familyName: learner.familyName,
      usageName: learner.usageName,
      givenNames: learner.givenNames,
      birthDate: learner.birthDate,
      sex: learner.sex,
    },
    formation: {
      pointId: point.objectId,
      code: point.code,
      path: point.path,
      labels: { fr: point.labelFr, en: point.labelEn },
      formationCode: point.formationCode,
      formationLabels: { fr: point.formationLabelFr, en: point.formationLabelEn },
    },
    period: {
      periodId: period.id,
      code: period.code,
      academicYear: academicYearOf(period.startDate, period.endDate),
      startDate: period.startDate,
      endDate: period.endDate,
    },
    establishment: { uai: school.uai, name: school.name, city: school.city },
  };
  return { kind, snapshot };
}

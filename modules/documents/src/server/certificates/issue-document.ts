import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { conflict, Problem, type Executor, type ModuleContext, type Origin, type Scope, type Transaction } from '@pegase/platform';
import { documentsEvents, type Certificate } from '../../contract/index.ts';
import { certificates, enrolmentPoints, type enrolments, establishment, learners, periods, structures } from '../shared/tables.ts';
import { toCertificate } from './certificate-mapper.ts';
import { printDocument } from './certificate-printer.ts';
import { academicYearOf } from './certificate-texts.ts';
import type { DocumentContent, DocumentSnapshot } from './document-content.ts';
import { newVerificationCode } from './verification-code.ts';

/** Who asks: staff or an integration (within a scope), or a student for their own records. */
export type Requester = { kind: 'scope'; scope: Scope } | { kind: 'self'; learnerCode: string | null };

export const verificationUrlOf = (publicUrl: string, code: string) => `${publicUrl}/api/documents/v1/verify/${code}`;

type EnrolmentRow = typeof enrolments.$inferSelect;
type LearnerRow = typeof learners.$inferSelect;
type PointRow = typeof enrolmentPoints.$inferSelect;

/** An enrolment with the learner and the enrolment point a document names (either may not have reached this module yet). */
export interface EnrolmentParts {
  enrolment: EnrolmentRow;
  learner: LearnerRow | undefined;
  point: PointRow | undefined;
}

export async function enrolmentParts(db: Executor, enrolment: EnrolmentRow): Promise<EnrolmentParts> {
  const [learner] = await db.select().from(learners).where(eq(learners.id, enrolment.learnerId));
  const [point] = await db.select().from(enrolmentPoints).where(eq(enrolmentPoints.objectId, enrolment.pointId));
  return { enrolment, learner, point };
}

/** Staff issue the documents of the enrolment points their structures (or one above them) own; integrations all. */
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
    `You may not issue the documents of this enrolment: your rights cover the enrolment points of ${yours} and the structures below.`,
  );
}

/**
 * Who may have a document of this enrolment: staff within their scope
 * (403 outside it), the student it belongs to. Anyone else's is, for a
 * student, `unknown()` (404): they learn nothing of other learners, not
 * even that a record exists.
 */
export async function assertMayIssue(db: Executor, requester: Requester, parts: EnrolmentParts, unknown: () => Problem): Promise<void> {
  if (requester.kind === 'self') {
    if (requester.learnerCode === null || parts.learner?.code !== requester.learnerCode) throw unknown();
    return;
  }
  await assertManagesPoint(db, requester.scope, parts.point?.ownerStructureId ?? null);
}

/** What every document of an enrolment names: the holder, the enrolment point and its formation, the academic year, the establishment. */
export async function snapshotOf(db: Executor, { enrolment, learner, point }: EnrolmentParts): Promise<DocumentSnapshot> {
  const [period] = await db.select().from(periods).where(eq(periods.id, enrolment.periodId));
  const [school] = await db.select().from(establishment);
  if (school === undefined) {
    throw conflict(
      'establishment-not-set',
      'The establishment (name, UAI) is not set in the referential: a document must name it. An administrator sets it first.',
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
  return {
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
}

/** A document about to be issued: everything but its code, address and time. */
export type DocumentDraft = Omit<DocumentContent, 'code' | 'verificationUrl' | 'issuedAt'> & { enrolmentId: string };

/**
 * Issues a document of any kind: a new verification code, the PDF printed
 * (before the transaction: printing takes milliseconds of CPU that no
 * connection should wait for), then in one transaction `stillHolds` checks
 * again what the document depends on, and the file (with its SHA-256) and
 * what the document said are kept, announced and audited.
 */
export async function issueDocument(
  context: ModuleContext,
  draft: DocumentDraft,
  publicUrl: string,
  origin: Origin,
  stillHolds: (tx: Transaction) => Promise<void> = async () => {},
): Promise<{ certificate: Certificate; pdf: Buffer }> {
  const { enrolmentId, ...printed } = draft;
  const code = newVerificationCode();
  const verificationUrl = verificationUrlOf(publicUrl, code);
  const issuedAt = new Date();
  const pdf = await printDocument({ ...printed, code, verificationUrl, issuedAt });
  return context.transaction(async (tx) => {
    await stillHolds(tx);
    const file = await context.files.put(tx, context.module, pdf, 'application/pdf');
    const [row] = await tx
      .insert(certificates)
      .values({
        id: randomUUID(),
        kind: draft.kind,
        code,
        enrolmentId,
        learnerId: draft.holder.learnerId,
        language: draft.language,
        holder: draft.holder,
        formation: draft.formation,
        period: draft.period,
        establishment: draft.establishment,
        results: draft.results,
        fileId: file.id,
        size: file.size,
        sha256: file.sha256,
        verificationUrl,
        issuedAt,
        issuedBy: origin.actor.subject,
        provisional: draft.provisional,
      })
      .returning();
    const certificate = toCertificate(row!);
    await context.publish(tx, documentsEvents.certificateIssued, certificate, { subject: certificate.id, origin });
    return { certificate, pdf };
  });
}

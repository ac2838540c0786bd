import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { conflict, notFound, ruleProblem, sniffAllowedType, type ModuleContext, type Origin, type Transaction } from '@pegase/platform';
import {
  DOCUMENT_MEDIA_TYPES,
  enrolmentLifecycleEvents,
  type CreateDocumentRequirement,
  type DocumentRequirement,
  type EnrolmentDocument,
} from '../../contract/index.ts';
import { checkNomenclatureCodes } from '../learners/learner-rules.ts';
import { toEnrolment, type EnrolmentRow } from '../enrolments/enrolment-mapper.ts';
import { documentRequirements, documents, enrolments } from '../shared/tables.ts';
import { documentsOf } from './document-queries.ts';

export async function createRequirement(context: ModuleContext, input: CreateDocumentRequirement): Promise<DocumentRequirement> {
  await checkNomenclatureCodes(context.db, [
    { field: '/documentType', nomenclature: 'DOCUMENT-TYPE', code: input.documentType },
    ...(input.regime ? [{ field: '/regime', nomenclature: 'REGIME', code: input.regime }] : []),
    ...(input.profile ? [{ field: '/profile', nomenclature: 'PROFILE', code: input.profile }] : []),
  ]);
  const requirement: DocumentRequirement = {
    id: randomUUID(),
    documentType: input.documentType,
    pointId: input.pointId ?? null,
    regime: input.regime ?? null,
    profile: input.profile ?? null,
    mandatory: input.mandatory ?? true,
  };
  await context.db.insert(documentRequirements).values(requirement);
  return requirement;
}

async function requiredEntry(tx: Transaction, enrolment: EnrolmentRow, documentType: string): Promise<EnrolmentDocument> {
  const entry = (await documentsOf(tx, enrolment)).find((d) => d.documentType === documentType);
  if (entry === undefined) {
    throw ruleProblem('document-not-required', `No ${documentType} document is required for this enrolment: see its list of documents.`, [
      { in: 'params', field: '/documentType', message: 'is not required here' },
    ]);
  }
  return entry;
}

/**
 * Receives a document: its type is read from the content (PDF, JPEG or PNG,
 * whatever the name or the declared type), the file and the record commit
 * together, and a new upload replaces a rejected or pending one. An accepted
 * document is kept as it is.
 */
export async function uploadDocument(
  context: ModuleContext,
  tx: Transaction,
  enrolment: EnrolmentRow,
  documentType: string,
  content: Buffer,
  origin: Origin,
): Promise<EnrolmentDocument> {
  if (enrolment.status === 'cancelled' || enrolment.status === 'validated') {
    throw conflict('enrolment-closed', `This enrolment is ${enrolment.status}: its documents can no longer change.`);
  }
  const entry = await requiredEntry(tx, enrolment, documentType);
  if (entry.status === 'accepted') throw conflict('document-accepted', `The ${documentType} document was already accepted: it is kept as it is.`);
  const mediaType = await sniffAllowedType(content, DOCUMENT_MEDIA_TYPES, `The ${documentType} document`);
  const file = await context.files.put(tx, context.module, content, mediaType);
  const values = {
    status: 'submitted' as const,
    fileId: file.id,
    mediaType,
    size: file.size,
    sha256: file.sha256,
    rejectReason: null,
    submittedAt: new Date(),
    reviewedAt: null,
    reviewedBy: null,
  };
  await tx
    .insert(documents)
    .values({ enrolmentId: enrolment.id, documentType, ...values })
    .onConflictDoUpdate({ target: [documents.enrolmentId, documents.documentType], set: { ...values, version: sql`${documents.version} + 1` } });
  await touch(context, tx, enrolment, origin);
  return requiredEntry(tx, enrolment, documentType);
}

export async function reviewDocument(
  context: ModuleContext,
  tx: Transaction,
  enrolment: EnrolmentRow,
  documentType: string,
  decision: 'accepted' | 'rejected',
  reason: string | undefined,
  origin: Origin,
): Promise<EnrolmentDocument> {
  const entry = await requiredEntry(tx, enrolment, documentType);
  if (entry.status === 'missing') throw notFound(`${documentType} document of the enrolment`, enrolment.id);
  if (decision === 'rejected' && (reason === undefined || reason.trim() === '')) {
    throw ruleProblem('reason-required', 'A rejected document needs a reason: the student reads it to send the right one.', [
      { in: 'body', field: '/reason', message: 'is required' },
    ]);
  }
  await tx
    .update(documents)
    .set({
      status: decision,
      rejectReason: decision === 'rejected' ? reason!.trim() : null,
      reviewedAt: new Date(),
      reviewedBy: origin.actor.login ?? origin.actor.subject,
      version: sql`${documents.version} + 1`,
    })
    .where(and(eq(documents.enrolmentId, enrolment.id), eq(documents.documentType, documentType)));
  await touch(context, tx, enrolment, origin);
  return requiredEntry(tx, enrolment, documentType);
}

/**
 * A document changes its enrolment: a new version, announced (the feed and
 * the queue see it; the audit keeps who did what).
 */
async function touch(context: ModuleContext, tx: Transaction, enrolment: EnrolmentRow, origin: Origin): Promise<void> {
  const [row] = await tx
    .update(enrolments)
    .set({ version: sql`${enrolments.version} + 1`, updatedAt: sql`now()` })
    .where(eq(enrolments.id, enrolment.id))
    .returning();
  await context.publish(tx, enrolmentLifecycleEvents.enrolmentDocumentsChanged, toEnrolment(row!), {
    subject: enrolment.id,
    origin,
    before: toEnrolment(enrolment),
  });
}

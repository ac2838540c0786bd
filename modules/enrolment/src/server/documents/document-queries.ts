import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '@pegase/platform';
import type { DocumentRequirement, EnrolmentDocument } from '../../contract/index.ts';
import type { EnrolmentRow } from '../enrolments/enrolment-mapper.ts';
import { documentRequirements, documents } from '../shared/tables.ts';

export async function listRequirements(db: Executor): Promise<DocumentRequirement[]> {
  const rows = await db.select().from(documentRequirements).orderBy(documentRequirements.documentType, documentRequirements.id);
  return rows.map((row) => ({
    id: row.id,
    documentType: row.documentType,
    pointId: row.pointId,
    regime: row.regime,
    profile: row.profile,
    mandatory: row.mandatory,
  }));
}

/**
 * The documents an enrolment needs — the requirements whose every condition
 * matches it (point, régime, one of its profiles) — with what was received.
 * A type required by several rules is mandatory if any of them says so.
 */
export async function documentsOf(db: Executor, enrolment: EnrolmentRow): Promise<EnrolmentDocument[]> {
  // The requirements and what was received in one statement: every step of the student's flow reads them.
  const required = db.$with('required').as(
    db
      .select({ documentType: documentRequirements.documentType, mandatory: sql<boolean>`bool_or(${documentRequirements.mandatory})`.as('mandatory') })
      .from(documentRequirements)
      .where(
        and(
          or(isNull(documentRequirements.pointId), eq(documentRequirements.pointId, enrolment.pointId)),
          or(isNull(documentRequirements.regime), eq(documentRequirements.regime, enrolment.regime)),
          or(isNull(documentRequirements.profile), sql`${documentRequirements.profile} = any(${sql.param(enrolment.profiles)}::text[])`),
        ),
      )
      .groupBy(documentRequirements.documentType),
  );
  const rows = await db
    .with(required)
    .select({ documentType: required.documentType, mandatory: required.mandatory, received: documents })
    .from(required)
    .leftJoin(documents, and(eq(documents.enrolmentId, enrolment.id), eq(documents.documentType, required.documentType)))
    .orderBy(required.documentType);
  return rows.map(({ documentType, mandatory, received: row }) => ({
    documentType,
    mandatory: Boolean(mandatory),
    status: row?.status ?? 'missing',
    rejectReason: row?.rejectReason ?? null,
    file: row ? { id: row.fileId, mediaType: row.mediaType, size: row.size, sha256: row.sha256 } : null,
    submittedAt: row?.submittedAt.toISOString() ?? null,
    reviewedAt: row?.reviewedAt?.toISOString() ?? null,
  }));
}

/** The mandatory documents not yet accepted: what blocks the validation. */
export async function pendingMandatory(db: Executor, enrolment: EnrolmentRow): Promise<string[]> {
  return (await documentsOf(db, enrolment)).filter((d) => d.mandatory && d.status !== 'accepted').map((d) => `${d.documentType} (${d.status})`);
}

import type { Enrolment } from '../../contract/index.ts';
import type { enrolments } from '../shared/tables.ts';

export type EnrolmentRow = typeof enrolments.$inferSelect;

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

export function toEnrolment(row: EnrolmentRow): Enrolment {
  return {
    id: row.id,
    learnerId: row.learnerId,
    pointId: row.pointId,
    periodId: row.periodId,
    origin: row.origin,
    kind: row.kind,
    regime: row.regime,
    cvecNumber: row.cvecNumber,
    profiles: row.profiles,
    previousSituation: row.previousSituation ?? null,
    status: row.status,
    paymentStatus: row.paymentStatus,
    cancelReason: row.cancelReason,
    submittedAt: iso(row.submittedAt),
    validatedAt: iso(row.validatedAt),
    cancelledAt: iso(row.cancelledAt),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

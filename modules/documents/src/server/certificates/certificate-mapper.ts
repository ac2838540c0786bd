import type { Certificate } from '../../contract/index.ts';
import type { CertificateRow } from '../shared/tables.ts';

export function toCertificate(row: CertificateRow): Certificate {
  return {
    id: row.id,
    kind: row.kind,
    code: row.code,
    enrolmentId: row.enrolmentId,
    language: row.language,
    holder: row.holder,
    formation: row.formation,
    period: row.period,
    establishment: row.establishment,
    file: { id: row.fileId, mediaType: 'application/pdf', size: row.size, sha256: row.sha256 },
    verificationUrl: row.verificationUrl,
    issuedAt: row.issuedAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    provisional: row.provisional,
    results: row.results,
  };
}

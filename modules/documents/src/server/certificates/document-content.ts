import type { CertificateFormation, CertificateHolder, CertificateLanguage, CertificatePeriod, DocumentKind, IssuedResults } from '../../contract/index.ts';

/** What a document names, as it is when it is issued (kept with it: a later correction changes no issued document). */
export interface DocumentSnapshot {
  establishment: { uai: string; name: string; city: string | null };
  holder: CertificateHolder;
  formation: CertificateFormation;
  period: CertificatePeriod;
}

/** Everything a document's PDF prints: handed to a printing thread as it is (structured clone). */
export interface DocumentContent extends DocumentSnapshot {
  kind: DocumentKind;
  language: CertificateLanguage;
  code: string;
  verificationUrl: string;
  issuedAt: Date;
  /** Issued before the scolarité validated the enrolment: it says so in its title and a note (certificates of enrolment). */
  provisional: boolean;
  /** The published result a transcript or a pass certificate prints; null for a certificate of enrolment. */
  results: IssuedResults | null;
}

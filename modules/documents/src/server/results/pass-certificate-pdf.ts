import type { DocumentContent } from '../certificates/document-content.ts';
import { renderLetter } from '../certificates/document-pdf.ts';
import { passCertificateTexts } from './results-wording.ts';

/** The pass certificate (attestation de réussite) as an A4 PDF: the same one-page attestation as the certificate of enrolment. */
export function renderPassCertificate(content: DocumentContent): Promise<Buffer> {
  return renderLetter(content, passCertificateTexts(content));
}

import type { DocumentContent } from './document-content.ts';
import { renderLetter } from './document-pdf.ts';
import { certificateTexts } from './certificate-texts.ts';
import { groupCode } from './verification-code.ts';

/** The certificate of enrolment as an A4 PDF, in its language. */
export function renderCertificate(content: DocumentContent): Promise<Buffer> {
  return renderLetter(content, certificateTexts(content, groupCode(content.code)));
}

import { renderCertificate } from './certificate-pdf.ts';
import type { CertificateContent } from './certificate-texts.ts';

/** A rendering thread's task: print one certificate (fonts parsed once per thread, kept). */
export default function render(content: CertificateContent): Promise<Buffer> {
  return renderCertificate(content);
}

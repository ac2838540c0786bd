import { renderCertificate } from './certificate-pdf.ts';
import type { DocumentContent } from './document-content.ts';
import { renderPassCertificate } from '../results/pass-certificate-pdf.ts';
import { renderTranscript } from '../results/transcript-pdf.ts';

const renderers = { enrolment: renderCertificate, transcript: renderTranscript, 'pass-certificate': renderPassCertificate } as const;

/** A rendering thread's task: print one document of its kind (fonts parsed once per thread, kept). */
export default function render(content: DocumentContent): Promise<Buffer> {
  return renderers[content.kind](content);
}

import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { DocumentContent } from './document-content.ts';

/**
 * Printing a document is CPU work (about 6 ms: text layout with the
 * embedded font, its subset, compression): it runs on worker threads, so
 * that the event loop keeps answering the other requests of the enrolment
 * peak meanwhile and a machine with more cores prints more at once. Threads
 * start with the first document and leave after a minute without one;
 * they never keep the process from exiting.
 */
let pool: Piscina | undefined;

function printers(): Piscina {
  pool ??= new Piscina({
    filename: new URL('./certificate-worker.ts', import.meta.url).href,
    minThreads: 0,
    maxThreads: Math.max(1, Math.min(4, availableParallelism() - 1)),
    idleTimeout: 60_000,
  });
  return pool;
}

export async function printDocument(content: DocumentContent): Promise<Buffer> {
  const pdf = (await printers().run(content)) as Uint8Array;
  // The bytes come back as a Uint8Array (structured clone): the same memory, seen as a Buffer.
  return Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRuntime, type TestRuntime } from '../testing/test-runtime.ts';
import { DatabaseFileStore } from './file-store.ts';
import { sniffAllowedType } from './content-type.ts';

/** The smallest files of each kind: their magic bytes are what counts. */
export const samplePdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
export const samplePng = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

describe('files kept by modules', () => {
  let runtime: TestRuntime;
  const store = new DatabaseFileStore();
  beforeAll(async () => {
    runtime = await createTestRuntime([]);
  });
  afterAll(async () => runtime.close());

  it('keeps a file with its type, size and checksum, in the caller’s transaction', async () => {
    const stored = await store.put(runtime.database.db, 'test', samplePdf, 'application/pdf');
    expect(stored).toMatchObject({ mediaType: 'application/pdf', size: samplePdf.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const read = await store.get(runtime.database.db, stored.id);
    expect(read?.content.equals(samplePdf)).toBe(true);

    const failed = runtime.database.db.transaction(async (tx) => {
      const inside = await store.put(tx, 'test', samplePng, 'image/png');
      throw new Error(`rolled back ${inside.id}`);
    });
    const id = (await failed.catch((error: Error) => error.message)).replace('rolled back ', '');
    expect(await store.get(runtime.database.db, id)).toBeUndefined();
  });

  it('reads the type from the content, not the name, and refuses what is not allowed', async () => {
    expect(await sniffAllowedType(samplePdf, ['application/pdf', 'image/png'], 'The document')).toBe('application/pdf');
    expect(await sniffAllowedType(samplePng, ['application/pdf', 'image/png'], 'The document')).toBe('image/png');
    const zip = Buffer.from('504b0304140000000800', 'hex');
    await expect(sniffAllowedType(zip, ['application/pdf'], 'The document')).rejects.toMatchObject({
      status: 415,
      slug: 'unsupported-media-type',
      message: 'The document must be one of application/pdf; this is a application/zip file (.zip).',
    });
    await expect(sniffAllowedType(Buffer.from('just text pretending to be a pdf'), ['application/pdf'], 'The document')).rejects.toMatchObject({ status: 415 });
  });
});

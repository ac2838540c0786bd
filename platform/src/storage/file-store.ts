import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '../db/database.ts';

export interface StoredFile {
  id: string;
  mediaType: string;
  size: number;
  /** Hex SHA-256 of the content: shows that a file is the one that was checked. */
  sha256: string;
}

/**
 * Where modules keep files. Writes take the caller's transaction, so that a
 * file and the record pointing at it commit together (or neither does).
 * `DatabaseFileStore` keeps them in PostgreSQL; an object-storage
 * implementation can replace it behind this interface.
 */
export interface FileStore {
  put(tx: Executor, module: string, content: Buffer, mediaType: string): Promise<StoredFile>;
  get(db: Executor, id: string): Promise<(StoredFile & { content: Buffer }) | undefined>;
}

interface FileRow extends Record<string, unknown> {
  id: string;
  media_type: string;
  size: number;
  sha256: string;
  content: Buffer | Uint8Array;
}

export class DatabaseFileStore implements FileStore {
  async put(tx: Executor, module: string, content: Buffer, mediaType: string): Promise<StoredFile> {
    const file: StoredFile = { id: randomUUID(), mediaType, size: content.length, sha256: createHash('sha256').update(content).digest('hex') };
    await tx.execute(
      sql`insert into pegase_platform.files (id, module, media_type, size, sha256, content)
          values (${file.id}::uuid, ${module}, ${mediaType}, ${file.size}, ${file.sha256}, ${content})`,
    );
    return file;
  }

  async get(db: Executor, id: string): Promise<(StoredFile & { content: Buffer }) | undefined> {
    const [row] = await rowsOf<FileRow>(db, sql`select id, media_type, size, sha256, content from pegase_platform.files where id = ${id}::uuid`);
    if (row === undefined) return undefined;
    return { id: row.id, mediaType: row.media_type, size: Number(row.size), sha256: row.sha256, content: Buffer.from(row.content) };
  }
}

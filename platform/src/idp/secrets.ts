import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../db/database.ts';

/**
 * A random secret created once and shared by every replica (the provider's
 * cookie signing key): the first replica creates it, the others read it.
 */
export async function sharedSecret(db: Database, name: string): Promise<string> {
  await db.execute(
    sql`insert into pegase_platform.secrets (name, value) values (${name}, ${randomBytes(32).toString('base64url')}) on conflict (name) do nothing`,
  );
  const [row] = await rowsOf<{ value: string }>(db, sql`select value from pegase_platform.secrets where name = ${name}`);
  return row!.value;
}

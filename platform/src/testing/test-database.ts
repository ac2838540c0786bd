import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DatabaseLocation } from '../db/database.ts';

/**
 * Where tests run: embedded PGlite in memory by default; a real PostgreSQL
 * when PEGASE_TEST_DATABASE_URL names a server (the integration run sets it).
 * On PostgreSQL each call gets a fresh, empty database that `drop()` removes.
 */
export interface TestDatabase {
  location: DatabaseLocation;
  /** The URL of the fresh database, on PostgreSQL only. */
  url: string | undefined;
  drop(): Promise<void>;
}

export function testServerUrl(): string | undefined {
  const url = process.env['PEGASE_TEST_DATABASE_URL'];
  return url === undefined || url === '' ? undefined : url;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = testServerUrl();
  if (serverUrl === undefined) return { location: { kind: 'memory' }, url: undefined, drop: async () => undefined };
  const name = `pegase_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(serverUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    location: { kind: 'postgres', url: url.toString(), poolMax: 5, applicationName: 'pegase-test' },
    url: url.toString(),
    drop: () => withAdmin(serverUrl, (client) => client.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

async function withAdmin<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

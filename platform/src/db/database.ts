import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PGlite, types, type PGliteInterface, type Transaction as PGliteTransaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';

/** The query API modules use: Drizzle over PostgreSQL or PGlite, same code. */
export type Database = PgDatabase<PgQueryResultHKT, Record<string, never>>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Anything a query can run on: the database itself or an open transaction. */
export type Executor = Database | Transaction;

/** Runs a raw SQL statement and returns its rows (same shape on both drivers). */
export async function rowsOf<Row extends Record<string, unknown> = Record<string, unknown>>(executor: Executor, query: SQL): Promise<Row[]> {
  const result = (await executor.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}

/**
 * A raw session for the few things Drizzle does not do: running a migration
 * file of several statements, on one connection, under an advisory lock.
 */
export interface RawSession {
  exec(sqlText: string): Promise<void>;
  query<Row = Record<string, unknown>>(sqlText: string, params?: unknown[]): Promise<Row[]>;
}

export type DatabaseKind = 'postgres' | 'pglite';

export interface DatabaseHandle {
  kind: DatabaseKind;
  /** Human description without credentials, for logs. */
  description: string;
  db: Database;
  withRawSession<T>(work: (session: RawSession) => Promise<T>): Promise<T>;
  /** Cheap round trip used by the readiness probe. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseLocation =
  { kind: 'postgres'; url: string; poolMax: number; applicationName?: string } | { kind: 'pglite'; dataDir: string } | { kind: 'memory' };

/**
 * Extensions a module may create in a migration, made available to the
 * embedded PostgreSQL (a server has them from its contrib package).
 */
const PGLITE_EXTENSIONS = { pg_trgm };

/**
 * Drizzle reads dates, timestamps, intervals and their arrays as text and
 * converts them itself, and asks PGlite so with every query, which makes
 * PGlite copy its whole table of parsers each time (a quarter of a
 * millisecond a statement: half of what a small query costs). The instance
 * is created with those parsers once, and the per-query ones are dropped.
 */
const TEXT_TYPES = [types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182];
const AS_TEXT = Object.fromEntries(TEXT_TYPES.map((oid) => [oid, (value: string) => value]));
/** Raw sessions (migrations, tests) keep PGlite's own parsers for those types. */
const RAW_PARSERS = Object.fromEntries([types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE].map((oid) => [oid, types.parsers[oid]!]));

type QueryOptions = Parameters<PGliteInterface['query']>[2];
const withoutParsers = (options: QueryOptions) => (options?.parsers === undefined ? options : { ...options, parsers: undefined });

function forDrizzle<T extends PGliteInterface | PGliteTransaction>(client: T): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'query') return (text: string, params?: unknown[], options?: QueryOptions) => target.query(text, params, withoutParsers(options));
      if (property === 'transaction' && 'transaction' in target) {
        return <R>(work: (tx: PGliteTransaction) => Promise<R>) => (target as PGliteInterface).transaction((tx) => work(forDrizzle(tx)));
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export async function openDatabase(location: DatabaseLocation): Promise<DatabaseHandle> {
  if (location.kind === 'postgres') return openPostgres(location.url, location.poolMax, location.applicationName ?? 'pegase');
  if (location.kind === 'pglite') {
    const dir = resolve(location.dataDir);
    await mkdir(dir, { recursive: true });
    const unlock = await lockDataDir(dir);
    try {
      return openPglite(await PGlite.create(dir, { extensions: PGLITE_EXTENSIONS, parsers: AS_TEXT }), `embedded PostgreSQL in ${dir}`, unlock);
    } catch (error) {
      await unlock();
      throw error;
    }
  }
  return openPglite(await PGlite.create({ extensions: PGLITE_EXTENSIONS, parsers: AS_TEXT }), 'embedded PostgreSQL in memory');
}

function openPostgres(url: string, poolMax: number, applicationName: string): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: poolMax, application_name: applicationName });
  // An idle client that loses its server must not crash the process; the next
  // query reconnects and the readiness probe reports the outage meanwhile.
  pool.on('error', () => undefined);
  const db = drizzlePostgres({ client: pool }) as unknown as Database;
  const parsed = new URL(url);
  return {
    kind: 'postgres',
    description: `PostgreSQL at ${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`,
    db,
    async withRawSession(work) {
      const client = await pool.connect();
      try {
        return await work({
          exec: async (text) => {
            await client.query(text);
          },
          query: async <Row>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as Row[],
        });
      } finally {
        client.release();
      }
    },
    async ping() {
      await pool.query('select 1');
    },
    close: once(() => pool.end()),
  };
}

function openPglite(client: PGlite, description: string, unlock: () => Promise<void> = async () => undefined): DatabaseHandle {
  const db = drizzlePglite({ client: forDrizzle(client) as PGlite }) as unknown as Database;
  return {
    kind: 'pglite',
    description,
    db,
    // PGlite has a single connection: a raw session is that connection.
    async withRawSession(work) {
      return work({
        exec: async (text) => {
          await client.exec(text);
        },
        query: async <Row>(text: string, params?: unknown[]) => (await client.query<Row>(text, params, { parsers: RAW_PARSERS })).rows,
      });
    },
    async ping() {
      await client.query('select 1');
    },
    close: once(async () => {
      await client.close();
      await unlock();
    }),
  };
}

/** Closing twice (a signal during a failed start, say) must not throw. */
function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => (closing ??= close());
}

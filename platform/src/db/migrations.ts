import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { DatabaseHandle, RawSession } from './database.ts';

/** One SQL file of a module: `migrations/0001-create-structures.sql`. */
export interface Migration {
  module: string;
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationSource {
  /** Module name, also the PostgreSQL schema the migrations write to. */
  module: string;
  directory: URL;
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

const FILE_PATTERN = /^(\d{4})-([a-z0-9-]+)\.sql$/;
/** Any constant works as long as every replica uses the same one. */
const MIGRATION_LOCK_KEY = 7_245_001;
const LEDGER = 'pegase_platform.schema_migrations';

export async function loadMigrations(sources: MigrationSource[]): Promise<Migration[]> {
  const all: Migration[] = [];
  for (const source of sources) {
    const dir = fileURLToPath(source.directory);
    const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
    for (const file of files) {
      const match = FILE_PATTERN.exec(file);
      if (!match) throw new MigrationError(`Migration file ${dir}/${file} must be named NNNN-lower-case-name.sql`);
      const sql = await readFile(`${dir}/${file}`, 'utf8');
      all.push({ module: source.module, version: match[1]!, name: match[2]!, sql, checksum: checksumOf(sql) });
    }
  }
  return all;
}

export function checksumOf(sql: string): string {
  // Line endings are normalised so that a checkout on Windows is not "changed".
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
}

interface LedgerRow {
  module: string;
  version: string;
  checksum: string;
}

export interface MigrationReport {
  applied: Migration[];
  alreadyApplied: number;
}

/**
 * Applies pending migrations in one transaction under a transaction-level
 * advisory lock: replicas starting together queue on the lock, and the later
 * ones find everything applied. A migration whose file changed after it was
 * applied is refused, and nothing is applied then.
 */
export async function migrate(handle: DatabaseHandle, migrations: Migration[]): Promise<MigrationReport> {
  return handle.withRawSession(async (session) => {
    await session.exec('begin');
    try {
      await session.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      await session.exec(`create schema if not exists pegase_platform;
        create table if not exists ${LEDGER} (
          module text not null,
          version text not null,
          name text not null,
          checksum text not null,
          applied_at timestamptz not null default now(),
          primary key (module, version)
        )`);
      const done = await readLedger(session);
      const pending = planPending(migrations, done);
      for (const migration of pending) {
        await session.exec(`create schema if not exists "${migration.module}"`);
        try {
          await session.exec(migration.sql);
        } catch (error) {
          throw new MigrationError(`Migration ${migration.module}/${migration.version}-${migration.name} failed: ${(error as Error).message}`);
        }
        await session.query(`insert into ${LEDGER} (module, version, name, checksum) values ($1, $2, $3, $4)`, [
          migration.module,
          migration.version,
          migration.name,
          migration.checksum,
        ]);
      }
      await session.exec('commit');
      return { applied: pending, alreadyApplied: migrations.length - pending.length };
    } catch (error) {
      await session.exec('rollback');
      throw error;
    }
  });
}

function planPending(migrations: Migration[], done: Map<string, LedgerRow>): Migration[] {
  const pending: Migration[] = [];
  for (const migration of migrations) {
    const row = done.get(`${migration.module}/${migration.version}`);
    if (row === undefined) {
      pending.push(migration);
    } else if (row.checksum !== migration.checksum) {
      throw new MigrationError(
        `Migration ${migration.module}/${migration.version}-${migration.name} was changed after it was applied (checksum ${row.checksum.slice(0, 12)}… in the database, ${migration.checksum.slice(0, 12)}… on disk). Restore the file and add a new migration instead.`,
      );
    }
  }
  return pending;
}

async function readLedger(session: RawSession): Promise<Map<string, LedgerRow>> {
  const rows = await session.query<LedgerRow>(`select module, version, checksum from ${LEDGER}`);
  return new Map(rows.map((row) => [`${row.module}/${row.version}`, row]));
}

/** Migrations known to this process but not yet in the database (readiness). */
export async function pendingMigrations(handle: DatabaseHandle, migrations: Migration[]): Promise<Migration[]> {
  const rows = await handle.withRawSession((session) =>
    session.query<LedgerRow>(`select module, version, checksum from ${LEDGER}`).catch((error: { code?: string }) => {
      if (error.code === '42P01') return [] as LedgerRow[]; // ledger not created yet
      throw error;
    }),
  );
  const done = new Set(rows.map((row) => `${row.module}/${row.version}/${row.checksum}`));
  return migrations.filter((m) => !done.has(`${m.module}/${m.version}/${m.checksum}`));
}

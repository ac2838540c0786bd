import { hash, verify } from '@node-rs/argon2';
import { sql } from 'drizzle-orm';
import { rowsOf, type Database, type Executor } from '../db/database.ts';
import type { Role } from './principal.ts';

export interface Account {
  login: string;
  source: 'local' | 'cas';
  displayName: string;
  email: string | null;
  roles: Role[];
  structureCodes: string[];
  learnerCode: string | null;
  disabled: boolean;
}

interface AccountRow extends Record<string, unknown> {
  login: string;
  source: 'local' | 'cas';
  password_hash: string | null;
  display_name: string;
  email: string | null;
  roles: Role[];
  structure_codes: string[];
  learner_code: string | null;
  disabled: boolean;
  failed_logins: number;
  locked_until: string | Date | null;
}

/**
 * Argon2id, memory-hard, with OWASP's parameters (19 MiB, 2 passes): slow for
 * an attacker with a GPU, about 30 ms for one login here.
 */
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1, algorithm: 2 /* Argon2id */ } as const;
/** After this many failures in a row, each further failure doubles the wait. */
const FREE_FAILURES = 3;
const MAX_LOCK_SECONDS = 15 * 60;

export const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._@-]{0,99}$/;

function toAccount(row: AccountRow): Account {
  return {
    login: row.login,
    source: row.source,
    displayName: row.display_name,
    email: row.email,
    roles: row.roles,
    structureCodes: row.structure_codes,
    learnerCode: row.learner_code,
    disabled: row.disabled,
  };
}

export async function findAccount(db: Executor, login: string): Promise<Account | undefined> {
  const [row] = await rowsOf<AccountRow>(db, sql`select * from pegase_platform.accounts where login = ${login.toLowerCase()}`);
  return row === undefined ? undefined : toAccount(row);
}

export interface AccountInput {
  login: string;
  displayName: string;
  email?: string | null;
  roles: Role[];
  structureCodes?: string[];
  learnerCode?: string | null;
  /** Local accounts only; omitted on an update, the password is kept. */
  password?: string;
}

/** Creates or updates a local account (the `pegase account` command, the sandbox). */
export async function saveLocalAccount(db: Executor, input: AccountInput): Promise<Account> {
  const login = input.login.toLowerCase();
  if (!LOGIN_PATTERN.test(login)) throw new Error(`The login ${input.login} must be lower-case letters, digits and . _ @ - (at most 100).`);
  const passwordHash = input.password === undefined ? null : await hash(input.password, ARGON2);
  const [row] = await rowsOf<AccountRow>(
    db,
    sql`insert into pegase_platform.accounts (login, source, password_hash, display_name, email, roles, structure_codes, learner_code)
        values (${login}, 'local', ${passwordHash}, ${input.displayName}, ${input.email ?? null}, ${sql.param(input.roles)}::text[],
                ${sql.param(input.structureCodes ?? [])}::text[], ${input.learnerCode ?? null})
        on conflict (login) do update set
          password_hash = coalesce(excluded.password_hash, pegase_platform.accounts.password_hash),
          display_name = excluded.display_name, email = excluded.email, roles = excluded.roles,
          structure_codes = excluded.structure_codes, learner_code = excluded.learner_code, updated_at = now()
        returning *`,
  );
  return toAccount(row!);
}

/**
 * Creates a local account, never touching an existing one: undefined when the
 * login is taken. For a module that opens accounts itself (a new student
 * activating theirs with an invitation), in the module's transaction.
 */
export async function createLocalAccount(db: Executor, input: AccountInput & { password: string }): Promise<Account | undefined> {
  const login = input.login.toLowerCase();
  if (!LOGIN_PATTERN.test(login)) throw new Error(`The login ${input.login} must be lower-case letters, digits and . _ @ - (at most 100).`);
  const passwordHash = await hash(input.password, ARGON2);
  const [row] = await rowsOf<AccountRow>(
    db,
    sql`insert into pegase_platform.accounts (login, source, password_hash, display_name, email, roles, structure_codes, learner_code)
        values (${login}, 'local', ${passwordHash}, ${input.displayName}, ${input.email ?? null}, ${sql.param(input.roles)}::text[],
                ${sql.param(input.structureCodes ?? [])}::text[], ${input.learnerCode ?? null})
        on conflict (login) do nothing
        returning *`,
  );
  return row === undefined ? undefined : toAccount(row);
}

/** The accounts holding a learner code (a learner has at most one in practice). */
export async function accountsOfLearner(db: Executor, learnerCode: string): Promise<Account[]> {
  const rows = await rowsOf<AccountRow>(db, sql`select * from pegase_platform.accounts where learner_code = ${learnerCode} order by login`);
  return rows.map(toAccount);
}

/** Records an account that logged in through CAS, with what its attributes say. */
export async function saveDelegatedAccount(db: Executor, input: Omit<AccountInput, 'password'>): Promise<Account> {
  const [row] = await rowsOf<AccountRow>(
    db,
    sql`insert into pegase_platform.accounts (login, source, display_name, email, roles, structure_codes, learner_code)
        values (${input.login.toLowerCase()}, 'cas', ${input.displayName}, ${input.email ?? null}, ${sql.param(input.roles)}::text[],
                ${sql.param(input.structureCodes ?? [])}::text[], ${input.learnerCode ?? null})
        on conflict (login) do update set
          display_name = excluded.display_name, email = excluded.email, roles = excluded.roles,
          structure_codes = excluded.structure_codes, learner_code = excluded.learner_code, updated_at = now()
        where pegase_platform.accounts.source = 'cas'
        returning *`,
  );
  if (row === undefined) throw new Error(`The CAS login ${input.login} matches a local account; rename one of them.`);
  return toAccount(row);
}

export type LoginOutcome = { ok: true; account: Account } | { ok: false; reason: 'invalid' | 'locked'; retryAfterSeconds?: number };

/**
 * Checks a password. Failures in a row lock the account for a doubling time
 * (back-off against guessing); the counters live in the database, so every
 * replica sees them. A wrong login costs as much as a wrong password.
 */
export async function checkPassword(db: Database, login: string, password: string): Promise<LoginOutcome> {
  const [row] = await rowsOf<AccountRow & { locked_for: number | null }>(
    db,
    sql`select *, extract(epoch from (locked_until - now()))::int as locked_for
          from pegase_platform.accounts where login = ${login.toLowerCase()}`,
  );
  if (row === undefined || row.password_hash === null || row.disabled) {
    await verify(DUMMY_HASH, password).catch(() => false);
    return { ok: false, reason: 'invalid' };
  }
  if (row.locked_for !== null && row.locked_for > 0) return { ok: false, reason: 'locked', retryAfterSeconds: row.locked_for };
  if (await verify(row.password_hash, password)) {
    await db.execute(sql`update pegase_platform.accounts set failed_logins = 0, locked_until = null where login = ${row.login}`);
    return { ok: true, account: toAccount(row) };
  }
  const failures = row.failed_logins + 1;
  const lockSeconds = failures > FREE_FAILURES ? Math.min(MAX_LOCK_SECONDS, 2 ** (failures - FREE_FAILURES)) : 0;
  await db.execute(sql`
    update pegase_platform.accounts
       set failed_logins = ${failures},
           locked_until = case when ${lockSeconds} > 0 then now() + make_interval(secs => ${lockSeconds}) else null end
     where login = ${row.login}`);
  return { ok: false, reason: 'invalid' };
}

/** A real Argon2id hash of a random password: unknown logins take as long as known ones. */
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Vb5V9oGDsqHcFAZ5xr6hXLF5Mbb3rqY6R4YlE3Prh5s';

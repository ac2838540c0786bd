import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { rowsOf, type Database } from '../db/database.ts';

export const SIGNING_ALG = 'RS256';
/** Retired keys keep verifying this long: longer than any token they signed lives. */
const RETIRED_KEYS_VERIFY_FOR = '2 days';
/** Reloads from the database on an unknown kid at most this often. */
const RELOAD_COOLDOWN_MS = 10_000;

interface KeyRow extends Record<string, unknown> {
  kid: string;
  alg: string;
  private_jwk: JWK;
  public_jwk: JWK;
  retired_at: string | null;
}

export interface SigningKey {
  kid: string;
  alg: string;
  key: CryptoKey;
  privateJwk: JWK;
}

/**
 * The embedded provider's keys, shared by every replica through the database.
 * The newest active key signs; every key not retired for long verifies, so
 * tokens signed before a rotation stay valid until they expire. A token with
 * an unknown kid (a key another replica just created) triggers one reload.
 */
export class KeyStore {
  private readonly db: Database;
  private rows: KeyRow[] = [];
  private loadedAt = 0;
  private readonly imported = new Map<string, CryptoKey>();

  constructor(db: Database) {
    this.db = db;
  }

  /** Creates the first key if there is none (once, even with replicas starting together). */
  async ensureKey(): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('pegase.signing-keys'))`);
      const active = await rowsOf(tx, sql`select kid from pegase_platform.signing_keys where retired_at is null limit 1`);
      if (active.length === 0) await insertNewKey(tx);
    });
    await this.reload();
  }

  /** A new key signs from now on; the previous ones only verify. Returns the new kid. */
  async rotate(): Promise<string> {
    const kid = await this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('pegase.signing-keys'))`);
      await tx.execute(sql`update pegase_platform.signing_keys set retired_at = now() where retired_at is null`);
      return insertNewKey(tx);
    });
    await this.reload();
    return kid;
  }

  async signingKey(): Promise<SigningKey> {
    if (this.rows.length === 0) await this.reload();
    const row = this.rows.find((r) => r.retired_at === null);
    if (row === undefined) throw new Error('No active signing key: the embedded provider was not initialised.');
    return { kid: row.kid, alg: row.alg, key: await this.importKey(row.kid, row.private_jwk, row.alg), privateJwk: row.private_jwk };
  }

  /** Public keys as a JWKS document (served by the provider's jwks_uri). */
  async publicJwks(): Promise<{ keys: JWK[] }> {
    if (this.rows.length === 0) await this.reload();
    return { keys: this.rows.map((r) => ({ ...r.public_jwk, kid: r.kid, alg: r.alg, use: 'sig' })) };
  }

  /** Private keys, newest first, as oidc-provider's `jwks` option wants them. */
  async privateJwks(): Promise<{ keys: JWK[] }> {
    if (this.rows.length === 0) await this.reload();
    return { keys: this.rows.map((r) => ({ ...r.private_jwk, kid: r.kid, alg: r.alg, use: 'sig' })) };
  }

  /** The verification key of a token header, reloading once for an unknown kid. */
  async verificationKey(kid: string | undefined, alg: string | undefined): Promise<CryptoKey | undefined> {
    let row = this.rows.find((r) => r.kid === kid);
    if (row === undefined && Date.now() - this.loadedAt > RELOAD_COOLDOWN_MS) {
      await this.reload();
      row = this.rows.find((r) => r.kid === kid);
    }
    if (row === undefined || row.alg !== alg) return undefined;
    return this.importKey(`${row.kid}:public`, row.public_jwk, row.alg);
  }

  async reload(): Promise<void> {
    this.rows = await rowsOf<KeyRow>(
      this.db,
      sql`select kid, alg, private_jwk, public_jwk, retired_at from pegase_platform.signing_keys
           where retired_at is null or retired_at > now() - ${RETIRED_KEYS_VERIFY_FOR}::interval
           order by created_at desc`,
    );
    this.loadedAt = Date.now();
  }

  private async importKey(cacheKey: string, jwk: JWK, alg: string): Promise<CryptoKey> {
    let key = this.imported.get(cacheKey);
    if (key === undefined) {
      key = (await importJWK(jwk, alg)) as CryptoKey;
      this.imported.set(cacheKey, key);
    }
    return key;
  }
}

async function insertNewKey(tx: Parameters<Parameters<Database['transaction']>[0]>[0]): Promise<string> {
  const { privateKey, publicKey } = await generateKeyPair(SIGNING_ALG, { extractable: true, modulusLength: 2048 });
  const kid = randomUUID();
  const privateJwk = await exportJWK(privateKey);
  const publicJwk = await exportJWK(publicKey);
  await tx.execute(sql`
    insert into pegase_platform.signing_keys (kid, alg, private_jwk, public_jwk)
    values (${kid}, ${SIGNING_ALG}, ${JSON.stringify(privateJwk)}::jsonb, ${JSON.stringify(publicJwk)}::jsonb)`);
  return kid;
}

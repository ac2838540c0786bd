import { sql } from 'drizzle-orm';
import type { Adapter, AdapterPayload } from 'oidc-provider';
import { rowsOf, type Database } from '../db/database.ts';

/** Models whose records belong to a grant and die with it. */
const GRANTABLE = new Set(['AccessToken', 'AuthorizationCode', 'RefreshToken', 'DeviceCode', 'BackchannelAuthenticationRequest']);

/**
 * oidc-provider's storage in PostgreSQL: one row a record, expiry as a
 * column (expired rows are invisible and purged), so that any replica can
 * continue a login another one started.
 */
export function postgresAdapterFactory(db: Database) {
  let lastPurge = 0;
  async function purgeExpired(): Promise<void> {
    if (Date.now() - lastPurge < 60_000) return;
    lastPurge = Date.now();
    await db.execute(sql`delete from pegase_platform.oidc_records where expires_at < now() - interval '1 hour'`);
  }

  return (model: string): Adapter => ({
    async upsert(id: string, payload: AdapterPayload, expiresIn: number) {
      const grantId = GRANTABLE.has(model) ? (payload.grantId ?? null) : null;
      await db.execute(sql`
        insert into pegase_platform.oidc_records (model, id, payload, grant_id, user_code, uid, expires_at)
        values (${model}, ${id}, ${JSON.stringify(payload)}::jsonb, ${grantId}, ${payload.userCode ?? null}, ${payload.uid ?? null},
                case when ${expiresIn ?? null}::int is null then null else now() + make_interval(secs => ${expiresIn ?? null}::int) end)
        on conflict (model, id) do update set payload = excluded.payload, grant_id = excluded.grant_id, user_code = excluded.user_code,
          uid = excluded.uid, expires_at = excluded.expires_at`);
      await purgeExpired();
    },
    async find(id: string) {
      return one(sql`model = ${model} and id = ${id}`);
    },
    async findByUid(uid: string) {
      return one(sql`model = ${model} and uid = ${uid}`);
    },
    async findByUserCode(userCode: string) {
      return one(sql`model = ${model} and user_code = ${userCode}`);
    },
    async consume(id: string) {
      await db.execute(sql`update pegase_platform.oidc_records set consumed_at = now() where model = ${model} and id = ${id}`);
    },
    async destroy(id: string) {
      await db.execute(sql`delete from pegase_platform.oidc_records where model = ${model} and id = ${id}`);
    },
    async revokeByGrantId(grantId: string) {
      await db.execute(sql`delete from pegase_platform.oidc_records where grant_id = ${grantId}`);
    },
  });

  async function one(where: ReturnType<typeof sql>): Promise<AdapterPayload | undefined> {
    const [row] = await rowsOf<{ payload: AdapterPayload; consumed: number | null }>(
      db,
      sql`select payload, extract(epoch from consumed_at)::int as consumed from pegase_platform.oidc_records
           where ${where} and (expires_at is null or expires_at > now())`,
    );
    if (row === undefined) return undefined;
    return row.consumed === null ? row.payload : { ...row.payload, consumed: row.consumed };
  }
}

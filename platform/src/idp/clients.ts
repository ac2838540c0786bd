import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../db/database.ts';
import type { Role } from '../auth/principal.ts';

/** The single-page application: a public client, authorization code with PKCE. */
export const WEB_CLIENT_ID = 'pegase-web';

export interface IntegrationClient {
  clientId: string;
  clientSecret: string;
  description: string;
  roles: Role[];
}

/**
 * Registers (or re-keys) an integration that obtains tokens with the client
 * credentials grant. Returns the secret, shown once to the operator.
 */
export async function saveIntegrationClient(db: Database, clientId: string, description: string, roles: Role[], secret?: string): Promise<IntegrationClient> {
  const clientSecret = secret ?? randomBytes(24).toString('base64url');
  await db.execute(sql`
    insert into pegase_platform.oauth_clients (client_id, client_secret, description, roles)
    values (${clientId}, ${clientSecret}, ${description}, ${sql.param(roles)}::text[])
    on conflict (client_id) do update set client_secret = excluded.client_secret, description = excluded.description, roles = excluded.roles, disabled = false`);
  return { clientId, clientSecret, description, roles };
}

/** oidc-provider's view of an integration client, read from the database at each use. */
export async function integrationClientMetadata(db: Database, clientId: string): Promise<Record<string, unknown> | undefined> {
  const [row] = await rowsOf<{ client_id: string; client_secret: string; roles: string[] }>(
    db,
    sql`select client_id, client_secret, roles from pegase_platform.oauth_clients where client_id = ${clientId} and not disabled`,
  );
  if (row === undefined) return undefined;
  return {
    client_id: row.client_id,
    client_secret: row.client_secret,
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
    token_endpoint_auth_method: 'client_secret_basic',
    pegase_roles: row.roles,
  };
}

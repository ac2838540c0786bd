import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { KeyStore } from './key-store.ts';
import type { Role } from './principal.ts';

/** The audience every Pégase API token is for. */
export const API_AUDIENCE = 'pegase-api';

export interface TokenClaims {
  subject: string;
  login?: string;
  roles: Role[];
  structureCodes?: string[];
  learnerCode?: string | null;
  clientId?: string;
}

/**
 * Signs an access token with the embedded provider's current key: used by
 * `pegase token` and by the tests. The provider's own flows sign tokens of
 * the same shape with the same keys.
 */
export async function issueAccessToken(keys: KeyStore, issuer: string, claims: TokenClaims, ttlSeconds: number): Promise<string> {
  const signing = await keys.signingKey();
  return new SignJWT({
    pegase_roles: claims.roles,
    pegase_structures: claims.structureCodes ?? [],
    ...(claims.learnerCode ? { learner_code: claims.learnerCode } : {}),
    ...(claims.login ? { preferred_username: claims.login } : {}),
    client_id: claims.clientId ?? 'pegase-cli',
  })
    .setProtectedHeader({ alg: signing.alg, kid: signing.kid, typ: 'at+jwt' })
    .setIssuer(issuer)
    .setAudience(API_AUDIENCE)
    .setSubject(claims.subject)
    .setIssuedAt()
    .setJti(randomUUID())
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(signing.key);
}

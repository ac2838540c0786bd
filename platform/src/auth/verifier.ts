import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { principalFromClaims, type ClaimMapping } from './claims.ts';
import type { KeyStore } from './key-store.ts';
import type { Principal } from './principal.ts';

/** Asymmetric algorithms only: `none` and shared-secret HMAC are refused. */
export const ACCEPTED_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
/** Clocks of the provider and of Pégase may differ a little. */
const CLOCK_TOLERANCE_SECONDS = 30;

export class InvalidTokenError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'InvalidTokenError';
  }
}

export interface TokenVerifier {
  issuer: string;
  verify(token: string): Promise<Principal>;
}

interface VerifierOptions {
  issuer: string;
  audience: string;
  mapping: ClaimMapping;
  keys: JWTVerifyGetKey;
}

/**
 * Tokens whose signature was checked, kept until they expire: an RSA check
 * was a tenth of a request's CPU at the enrolment peak, and a student's
 * browser sends the same token with every request. Access tokens live
 * minutes; a signing key withdrawn from the store stops new tokens at once
 * and the ones already seen when they expire.
 */
const VERIFIED_TOKENS = 10_000;

interface Verified {
  principal: Principal;
  /** Seconds since the epoch after which the token is refused, clock tolerance included. */
  until: number;
}

function createVerifier(options: VerifierOptions): TokenVerifier {
  // Insertion order is expiry order, near enough: the oldest goes first when the cache is full.
  const verified = new Map<string, Verified>();
  return {
    issuer: options.issuer,
    async verify(token) {
      const now = Date.now() / 1000;
      const known = verified.get(token);
      if (known !== undefined && known.until > now) return known.principal;
      if (known !== undefined) verified.delete(token);
      try {
        const { payload } = await jwtVerify(token, options.keys, {
          issuer: options.issuer,
          audience: options.audience,
          algorithms: ACCEPTED_ALGORITHMS,
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
          requiredClaims: ['exp', 'sub'],
        });
        // Shared by every request that carries the token: frozen so that none can change it for the others.
        const mapped = principalFromClaims(payload, options.mapping);
        const principal = Object.freeze({
          ...mapped,
          roles: Object.freeze([...mapped.roles]),
          structureCodes: Object.freeze([...mapped.structureCodes]),
        }) as Principal;
        if (verified.size >= VERIFIED_TOKENS) verified.delete(verified.keys().next().value as string);
        verified.set(token, { principal, until: (payload.exp as number) + CLOCK_TOLERANCE_SECONDS });
        return principal;
      } catch (error) {
        throw new InvalidTokenError(reason(error, options), { cause: error });
      }
    },
  };
}

/** Tokens of the embedded provider, verified with the keys in the database. */
export function embeddedVerifier(keys: KeyStore, issuer: string, audience: string, mapping: ClaimMapping): TokenVerifier {
  return createVerifier({
    issuer,
    audience,
    mapping,
    keys: async (header) => {
      const key = await keys.verificationKey(header.kid, header.alg);
      if (key === undefined) throw new errors.JWKSNoMatchingKey();
      return key;
    },
  });
}

/**
 * Tokens of an external provider, verified with the JWKS its discovery
 * document names; jose caches the keys and refetches on an unknown kid.
 */
export async function externalVerifier(issuer: string, audience: string, mapping: ClaimMapping): Promise<TokenVerifier> {
  const discoveryUrl = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  const response = await fetch(discoveryUrl).catch((error: unknown) => {
    throw new Error(`Cannot read the OpenID discovery document ${discoveryUrl}: ${(error as Error).message}`, { cause: error });
  });
  if (!response.ok) throw new Error(`Cannot read the OpenID discovery document ${discoveryUrl}: HTTP ${response.status}`);
  const discovery = (await response.json()) as { issuer?: string; jwks_uri?: string };
  if (discovery.issuer !== issuer) throw new Error(`The discovery document of ${issuer} names another issuer: ${String(discovery.issuer)}`);
  if (discovery.jwks_uri === undefined) throw new Error(`The discovery document of ${issuer} has no jwks_uri`);
  return createVerifier({ issuer, audience, mapping, keys: createRemoteJWKSet(new URL(discovery.jwks_uri)) });
}

function reason(error: unknown, options: VerifierOptions): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'iss') {
    return `the token was issued by ${String(error.payload.iss)}, and this server accepts tokens of ${options.issuer} only`;
  }
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'aud') return `the token is not meant for ${options.audience}`;
  if (error instanceof errors.JWTClaimValidationFailed) return `the token's ${error.claim} claim is not accepted`;
  if (error instanceof errors.JOSEAlgNotAllowed) return 'the token is signed with an algorithm that is not accepted';
  if (error instanceof errors.JWKSNoMatchingKey) return 'the token is signed with an unknown key';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the token signature is invalid';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return 'the token is malformed';
  return 'the token could not be verified';
}

import type { JWTPayload } from 'jose';
import { isRole, type Principal, type Role } from './principal.ts';

/**
 * How a provider's claims become a Principal. Embedded tokens use the
 * defaults; an external provider (Keycloak, a CAS server in OIDC mode…) is
 * mapped by configuration: claim names, and a table from its role values
 * (e.g. SupAnn affiliations) to Pégase roles.
 */
export interface ClaimMapping {
  rolesClaim: string;
  structuresClaim: string;
  learnerClaim: string;
  /** External value → Pégase role; values absent from it are kept when they are Pégase roles. */
  roleMap: Record<string, Role>;
}

export const defaultClaimMapping: ClaimMapping = {
  rolesClaim: 'pegase_roles',
  structuresClaim: 'pegase_structures',
  learnerClaim: 'learner_code',
  roleMap: {},
};

export function principalFromClaims(payload: JWTPayload, mapping: ClaimMapping): Principal {
  const mapped = strings(payload[mapping.rolesClaim]).map((value) => mapping.roleMap[value] ?? (isRole(value) ? value : undefined));
  const learner = payload[mapping.learnerClaim];
  const clientId = payload['client_id'] ?? payload['azp'];
  const login = payload['preferred_username'];
  return {
    subject: String(payload.sub),
    login: typeof login === 'string' ? login : null,
    roles: [...new Set(mapped.filter((role): role is Role => role !== undefined))],
    structureCodes: strings(payload[mapping.structuresClaim]),
    learnerCode: typeof learner === 'string' && learner !== '' ? learner : null,
    clientId: typeof clientId === 'string' ? clientId : null,
  };
}

/** A claim may be a string, a space-separated string or an array of strings. */
function strings(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value === 'string') return value.split(/[\s,]+/).filter((v) => v !== '');
  return [];
}

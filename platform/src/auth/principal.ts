/**
 * Who is calling. Identity always travels as a JWT; this is what the kernel
 * reads from it. Staff and teacher rights are scoped to structures (codes,
 * each meaning "this structure and everything below it"); a student is tied
 * to one learner record.
 */
export const roles = ['student', 'teacher', 'staff', 'admin', 'service'] as const;
export type Role = (typeof roles)[number];

export interface Principal {
  /** Stable subject of the token (`sub`). */
  subject: string;
  /** Human login when known, for audit and logs. */
  login: string | null;
  roles: Role[];
  /** Structure codes the staff or teacher rights apply to. */
  structureCodes: string[];
  /** The learner record a student owns. */
  learnerCode: string | null;
  /** OAuth client the token was issued to. */
  clientId: string | null;
}

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** Admins and integrations act on the whole establishment, without structure scope. */
export function hasGlobalScope(principal: Principal): boolean {
  return principal.roles.includes('admin') || principal.roles.includes('service');
}

/** Who did something, as the audit trail records it. */
export interface Actor {
  subject: string;
  login: string | null;
  roles: Role[];
}

export const systemActor = (name: string): Actor => ({ subject: `system:${name}`, login: null, roles: [] });

export function actorOf(principal: Principal): Actor {
  return { subject: principal.subject, login: principal.login, roles: principal.roles };
}

/**
 * Where the caller's rights apply: everywhere (admins, integrations, Pégase
 * itself) or in some structures and everything below them (staff, teachers).
 */
export type Scope = { global: true } | { global: false; structureCodes: string[] };

export function scopeOf(principal: Principal | null): Scope {
  if (principal !== null && hasGlobalScope(principal)) return { global: true };
  return { global: false, structureCodes: principal?.structureCodes ?? [] };
}

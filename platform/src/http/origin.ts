import type { FastifyRequest } from 'fastify';
import type { Origin } from '../audit/audit-trail.ts';
import { actorOf, scopeOf, systemActor } from '../auth/principal.ts';

/** Who made the request and which request it was, for events and the audit trail. */
export function originOf(request: FastifyRequest): Origin {
  return {
    requestId: String(request.id),
    actor: request.principal === null ? systemActor('anonymous') : actorOf(request.principal),
    scope: scopeOf(request.principal),
  };
}

/** Changes made by Pégase itself (sandbox loading, scheduled work). */
export function systemOrigin(name: string): Origin {
  return { requestId: `system:${name}`, actor: systemActor(name), scope: { global: true } };
}

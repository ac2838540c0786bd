import type { FastifyReply, FastifyRequest } from 'fastify';
import { Problem } from '../errors/problem.ts';
import type { Access, PegaseModule, PermissionDeclaration } from '../module/module.ts';
import type { Principal } from './principal.ts';
import { InvalidTokenError, type TokenVerifier } from './verifier.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The verified caller; null on a public route called without a token. */
    principal: Principal | null;
  }
}

/** Does one of the caller's roles hold the permission? Admins hold every permission. */
export function holds(principal: Principal, permission: PermissionDeclaration): boolean {
  return principal.roles.includes('admin') || principal.roles.some((role) => permission.roles.includes(role));
}

/**
 * The access check every module route goes through before its handler: no
 * token or a bad one is 401, a valid caller without the permission is 403.
 * What a permission allows within the data (structure scope, own learner
 * record) is checked by the module with `request.principal`.
 */
export function accessHook(module: PegaseModule, verifier: TokenVerifier) {
  const permissions = new Map(module.permissions.map((p) => [p.name, p]));
  return async function authorize(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    request.principal = null;
    const access = request.routeOptions.config.access as Access | undefined;
    if (access === undefined) return; // not-found handler of the scope
    const token = bearerToken(request);
    if ('public' in access) return;
    if (token === undefined) {
      reply.header('www-authenticate', 'Bearer realm="pegase"');
      throw new Problem(
        401,
        'unauthenticated',
        'Unauthorized',
        'This route needs an access token: send "Authorization: Bearer <token>" obtained from the identity provider.',
      );
    }
    let principal: Principal;
    try {
      principal = await verifier.verify(token);
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) throw error;
      reply.header('www-authenticate', `Bearer realm="pegase", error="invalid_token", error_description="${error.message}"`);
      throw new Problem(401, 'invalid-token', 'Unauthorized', `The access token was refused: ${error.message}. Log in again.`);
    }
    request.principal = principal;
    const permission = permissions.get(access.permission)!;
    if (!holds(principal, permission)) {
      throw new Problem(
        403,
        'forbidden',
        'Forbidden',
        `Your account (${principal.roles.join(', ') || 'no role'}) does not have the permission ${permission.name}: ${permission.description}`,
      );
    }
  };
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer\s+([A-Za-z0-9\-._~+/]+=*)$/i.exec(header.trim());
  return match?.[1] ?? '';
}

import type { FastifyInstance } from 'fastify';
import { XMLParser } from 'fast-xml-parser';
import type Provider from 'oidc-provider';
import type { Database } from '../db/database.ts';
import { saveDelegatedAccount } from '../auth/accounts.ts';
import { isRole, type Role } from '../auth/principal.ts';
import { errorPage } from './pages.ts';

/** How the attributes a CAS server releases become a Pégase account. */
export interface CasMapping {
  rolesAttribute: string;
  /** Attribute value → role, e.g. SupAnn affiliations: {"student":"student","faculty":"teacher"}. */
  roleMap: Record<string, Role>;
  structuresAttribute: string;
  learnerAttribute: string;
  nameAttribute: string;
  emailAttribute: string;
}

export const defaultCasMapping: CasMapping = {
  rolesAttribute: 'eduPersonAffiliation',
  roleMap: { student: 'student', faculty: 'teacher', teacher: 'teacher', staff: 'staff' },
  structuresAttribute: 'supannEntiteAffectation',
  learnerAttribute: 'supannEtuId',
  nameAttribute: 'displayName',
  emailAttribute: 'mail',
};

export interface CasValidation {
  user: string;
  attributes: Record<string, string[]>;
}

// Attributes may be repeated (multi-valued): always read them as lists.
const parser = new XMLParser({
  removeNSPrefix: true,
  jPath: true,
  isArray: (_name, path) => String(path).startsWith('serviceResponse.authenticationSuccess.attributes.'),
});

/** Reads a CAS 3.0 `/p3/serviceValidate` answer: the user and their attributes, or the failure. */
export function parseServiceResponse(xml: string): CasValidation | { failure: string } {
  const document = parser.parse(xml) as {
    serviceResponse?: {
      authenticationSuccess?: { user?: string | number; attributes?: Record<string, unknown[]> };
      authenticationFailure?: string | { '#text'?: string };
    };
  };
  const response = document.serviceResponse;
  const success = response?.authenticationSuccess;
  if (success?.user !== undefined) {
    const attributes: Record<string, string[]> = {};
    for (const [name, values] of Object.entries(success.attributes ?? {})) attributes[name] = values.map((v) => String(v).trim());
    return { user: String(success.user).trim(), attributes };
  }
  const failure = response?.authenticationFailure;
  return { failure: typeof failure === 'string' ? failure.trim() : (failure?.['#text']?.trim() ?? 'the CAS server did not validate the ticket') };
}

export function accountFromCas(validation: CasValidation, mapping: CasMapping) {
  const values = (name: string) => validation.attributes[name] ?? [];
  const roles = [...new Set(values(mapping.rolesAttribute).map((v) => mapping.roleMap[v] ?? (isRole(v) ? v : undefined)))].filter(
    (r): r is Role => r !== undefined,
  );
  return {
    login: validation.user.toLowerCase(),
    displayName: values(mapping.nameAttribute)[0] ?? validation.user,
    email: values(mapping.emailAttribute)[0] ?? null,
    roles,
    structureCodes: values(mapping.structuresAttribute),
    learnerCode: values(mapping.learnerAttribute)[0] ?? null,
  };
}

/**
 * Hands the login of the embedded provider to the university's CAS server
 * (protocol 3.0): the login page offers it, `/login` authenticates, and the
 * ticket comes back to `<issuer>/interaction/<attempt>/cas/callback`, where it is
 * validated with `/p3/serviceValidate` and the released attributes are
 * mapped to roles and structures.
 */
export class CasDelegation {
  readonly casUrl: string;
  private readonly issuer: string;
  private readonly db: Database;
  private readonly mapping: CasMapping;

  constructor(casUrl: string, issuer: string, db: Database, mapping: CasMapping) {
    this.casUrl = casUrl.replace(/\/$/, '');
    this.issuer = issuer;
    this.db = db;
    this.mapping = mapping;
  }

  serviceUrl(uid: string): string {
    return `${this.issuer}/interaction/${encodeURIComponent(uid)}/cas/callback`;
  }

  async validate(uid: string, ticket: string): Promise<CasValidation | { failure: string }> {
    const url = `${this.casUrl}/p3/serviceValidate?service=${encodeURIComponent(this.serviceUrl(uid))}&ticket=${encodeURIComponent(ticket)}`;
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) return { failure: `the CAS server answered HTTP ${response.status}` };
    return parseServiceResponse(await response.text());
  }

  register(app: FastifyInstance, provider: () => Promise<Provider>, mountPath: string, config: Record<string, unknown>): void {
    app.get<{ Params: { uid: string } }>(`${mountPath}/interaction/:uid/cas`, { config, schema: { hide: true } }, async (request, reply) => {
      const details = await (await provider()).interactionDetails(request.raw, reply.raw);
      return reply.redirect(`${this.casUrl}/login?service=${encodeURIComponent(this.serviceUrl(details.uid))}`);
    });

    app.get<{ Params: { uid: string }; Querystring: { ticket?: string } }>(
      `${mountPath}/interaction/:uid/cas/callback`,
      { config, schema: { hide: true } },
      async (request, reply) => {
        const lang = /^en\b/i.test(request.headers['accept-language'] ?? '') ? 'en' : 'fr';
        const refuse = (reason: string) =>
          reply
            .status(401)
            .type('text/html; charset=utf-8')
            .send(errorPage(lang, 'cas_login_failed', reason));
        const ticket = request.query.ticket;
        if (ticket === undefined || ticket === '') return refuse('no CAS ticket was received');
        const validation = await this.validate(request.params.uid, ticket);
        if ('failure' in validation) return refuse(validation.failure);
        const account = accountFromCas(validation, this.mapping);
        if (account.roles.length === 0) return refuse(`the CAS account ${validation.user} has no role in Pégase`);
        await saveDelegatedAccount(this.db, account);
        // The interaction cookie's path covers this URL, so the provider finds the attempt.
        const next = await (
          await provider()
        ).interactionResult(request.raw, reply.raw, { login: { accountId: account.login } }, { mergeWithLastSubmission: false });
        return reply.redirect(next, 303);
      },
    );
  }
}

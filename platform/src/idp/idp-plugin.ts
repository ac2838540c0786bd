import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import type Provider from 'oidc-provider';
import type { Database } from '../db/database.ts';
import { checkPassword } from '../auth/accounts.ts';
import { Problem } from '../errors/problem.ts';
import { loginPage, type Language, type LoginError } from './pages.ts';
import type { CasDelegation } from './cas.ts';
import { API_RESOURCE } from './provider.ts';
import type { LoginLink } from '../module/module.ts';

export interface EmbeddedProviderOptions {
  /** Built at first use: it needs the signing keys, hence a migrated database. */
  provider: () => Promise<Provider>;
  db: Database;
  /** Path the provider is mounted at, e.g. `/auth`. */
  mountPath: string;
  cas?: CasDelegation | undefined;
  /** Attempts a minute from one address on the login form and the token endpoint. */
  attemptsPerMinute?: number;
  /** Links the modules add under the login form. */
  loginLinks?: LoginLink[];
}

/**
 * Mounts the embedded OpenID provider under `/auth`: the provider's own
 * endpoints (discovery, authorize, token, JWKS, userinfo, revocation, logout)
 * and the pages of its interactions (login, CAS delegation).
 */
export async function embeddedProviderPlugin(app: FastifyInstance, options: EmbeddedProviderOptions): Promise<void> {
  const { mountPath } = options;
  let current: { provider: Provider; handler: (req: FastifyRequest['raw'], res: FastifyReply['raw']) => void } | undefined;
  const handle = async () => {
    const provider = await options.provider();
    if (current?.provider !== provider) current = { provider, handler: provider.callback() };
    return current.handler;
  };
  const perMinute = options.attemptsPerMinute ?? 30;

  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new Problem(429, 'too-many-attempts', 'Too many requests', `Too many attempts from this address: wait ${Math.ceil(context.ttl / 1000)} s and try again.`),
  });
  const limited = { rateLimit: { max: perMinute, timeWindow: 60_000 } };

  const languageOf = (request: FastifyRequest): Language => {
    const asked = (request.query as { lang?: string }).lang ?? (request.body as { lang?: string } | undefined)?.lang;
    if (asked === 'fr' || asked === 'en') return asked;
    return /^en\b/i.test(request.headers['accept-language'] ?? '') ? 'en' : 'fr';
  };

  const renderLogin = (request: FastifyRequest, reply: FastifyReply, uid: string, extra: { login?: string; error?: LoginError } = {}) => {
    const lang = languageOf(request);
    const base = `${mountPath}/interaction/${uid}`;
    return reply
      .status(extra.error === undefined ? 200 : extra.error.kind === 'invalid' ? 401 : 429)
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(
        loginPage({
          lang,
          action: `${base}/login`,
          switchHref: `${base}?lang=${lang === 'fr' ? 'en' : 'fr'}`,
          casHref: options.cas === undefined ? undefined : `${base}/cas`,
          links: (options.loginLinks ?? []).map((link) => ({ href: `${link.path}?lang=${lang}`, label: link.labels[lang] })),
          ...extra,
        }),
      );
  };

  const publicAccess = { access: { public: true as const } };

  // The interaction pages read HTML forms.
  await app.register(async (pages) => {
    await pages.register(formbody);
    pages.get<{ Params: { uid: string } }>(`${mountPath}/interaction/:uid`, { config: publicAccess, schema: { hide: true } }, async (request, reply) => {
      const provider = await options.provider();
      const details = await provider.interactionDetails(request.raw, reply.raw);
      if (details.uid !== request.params.uid)
        throw new Problem(400, 'interaction-mismatch', 'Bad request', 'This sign-in page belongs to another attempt: start again from the application.');
      if (details.prompt.name === 'consent' && details.session?.accountId !== undefined) {
        // Pégase's own application: consent is implied, never asked.
        const grant = new provider.Grant({ clientId: String(details.params['client_id']), accountId: details.session.accountId });
        grant.addOIDCScope(String(details.params['scope'] ?? 'openid'));
        grant.addResourceScope(API_RESOURCE, 'api');
        const next = await provider.interactionResult(request.raw, reply.raw, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
        return reply.redirect(next, 303);
      }
      return renderLogin(request, reply, details.uid);
    });

    pages.post<{ Params: { uid: string }; Body: { login?: string; password?: string; lang?: string } }>(
      `${mountPath}/interaction/:uid/login`,
      { config: { ...publicAccess, ...limited }, schema: { hide: true } },
      async (request, reply) => {
        const details = await (await options.provider()).interactionDetails(request.raw, reply.raw);
        const login = (request.body?.login ?? '').trim().toLowerCase();
        const outcome = await checkPassword(options.db, login, request.body?.password ?? '');
        if (!outcome.ok) {
          const error: LoginError = outcome.reason === 'locked' ? { kind: 'locked', seconds: outcome.retryAfterSeconds ?? 1 } : { kind: 'invalid' };
          return renderLogin(request, reply, details.uid, { login, error });
        }
        const provider = await options.provider();
        const next = await provider.interactionResult(
          request.raw,
          reply.raw,
          { login: { accountId: outcome.account.login } },
          { mergeWithLastSubmission: false },
        );
        return reply.redirect(next, 303);
      },
    );
    if (options.cas !== undefined) options.cas.register(pages, options.provider, mountPath, publicAccess);
  });
  // Everything else under the mount path is the provider's own protocol endpoints.
  const passThrough = async (request: FastifyRequest, reply: FastifyReply) => {
    const callback = await handle();
    reply.hijack();
    // oidc-provider routes relative to its mount path, which it reads from originalUrl.
    const raw = request.raw as typeof request.raw & { originalUrl?: string };
    raw.originalUrl = raw.url;
    raw.url = raw.url!.slice(mountPath.length) || '/';
    callback(raw, reply.raw);
  };
  await app.register(async (protocol) => {
    // The provider reads its own request bodies: hand it the stream untouched.
    protocol.removeAllContentTypeParsers();
    protocol.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
    protocol.route({
      method: ['GET', 'POST', 'OPTIONS'],
      url: `${mountPath}/token`,
      config: { ...publicAccess, ...limited },
      schema: { hide: true },
      handler: passThrough,
    });
    protocol.route({ method: ['GET', 'POST', 'OPTIONS', 'DELETE'], url: `${mountPath}/*`, config: publicAccess, schema: { hide: true }, handler: passThrough });
  });
}

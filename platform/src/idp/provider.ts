import Provider, { errors, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { Database } from '../db/database.ts';
import { findAccount } from '../auth/accounts.ts';
import type { KeyStore } from '../auth/key-store.ts';
import { API_AUDIENCE } from '../auth/token-issuer.ts';
import { postgresAdapterFactory } from './adapter.ts';
import { integrationClientMetadata, WEB_CLIENT_ID } from './clients.ts';
import { errorPage, loggedOutPage, logoutPage, type Language } from './pages.ts';

/** The person's language as their browser asks for it: French unless English comes first. */
const languageOf = (ctx: KoaContextWithOIDC): Language => (ctx.acceptsLanguages('fr', 'en') === 'en' ? 'en' : 'fr');

/** The resource indicator (RFC 8707) of the Pégase API; its tokens are for the audience `pegase-api`. */
export const API_RESOURCE = 'urn:pegase:api';

export interface ProviderOptions {
  issuer: string;
  db: Database;
  keys: KeyStore;
  accessTokenTtlSeconds: number;
  webRedirectUris: string[];
  cookieKey: string;
  trustProxy: boolean;
}

/**
 * The embedded OpenID provider (oidc-provider): authorization code with PKCE
 * for the web application, client credentials for integrations, refresh
 * tokens, discovery and JWKS. Its access tokens are JWTs for the Pégase API,
 * signed with the keys of the key store and carrying the account's roles,
 * structures and learner code, exactly as `pegase token` makes them.
 */
export async function createProvider(options: ProviderOptions): Promise<Provider> {
  const { db } = options;
  const stateAdapter = postgresAdapterFactory(db);
  const configuration: Configuration = {
    adapter: (model: string) => {
      const adapter = stateAdapter(model);
      // Integration clients are rows of pegase_platform.oauth_clients.
      if (model === 'Client') return { ...adapter, find: (id: string) => integrationClientMetadata(db, id) as never };
      return adapter;
    },
    clients: [
      {
        client_id: WEB_CLIENT_ID,
        client_name: 'Pégase',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: options.webRedirectUris,
        post_logout_redirect_uris: options.webRedirectUris,
      },
    ],
    extraClientMetadata: { properties: ['pegase_roles'] },
    jwks: await options.keys.privateJwks(),
    cookies: {
      keys: [options.cookieKey],
      long: { signed: true, sameSite: 'lax' },
      short: { signed: true, sameSite: 'lax' },
    },
    scopes: ['openid', 'offline_access', 'profile', 'email', 'api'],
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], email: ['email'] },
    async findAccount(_ctx, sub) {
      const account = await findAccount(db, sub);
      if (account === undefined || account.disabled) return undefined;
      return {
        accountId: account.login,
        async claims() {
          return { sub: account.login, name: account.displayName, preferred_username: account.login, ...(account.email ? { email: account.email } : {}) };
        },
      };
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource(ctx, form) {
          ctx.type = 'html';
          ctx.body = logoutPage(languageOf(ctx), form);
        },
        postLogoutSuccessSource(ctx) {
          ctx.type = 'html';
          ctx.body = loggedOutPage(languageOf(ctx));
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => API_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo(_ctx, resource) {
          if (resource !== API_RESOURCE) throw new errors.InvalidTarget(`the only resource served here is ${API_RESOURCE}`);
          return {
            scope: 'api',
            audience: API_AUDIENCE,
            accessTokenTTL: options.accessTokenTtlSeconds,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    pkce: { required: () => true },
    routes: { authorization: '/authorize' },
    interactions: { url: (_ctx, interaction) => `${new URL(options.issuer).pathname}/interaction/${interaction.uid}` },
    // First-party application: the user is never asked to consent to Pégase using Pégase.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const client = ctx.oidc.client!;
      const session = ctx.oidc.session!;
      const existing = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (existing) {
        const grant = await ctx.oidc.provider.Grant.find(existing);
        if (grant) return grant;
      }
      if (!session.accountId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid profile email offline_access');
      grant.addResourceScope(API_RESOURCE, 'api');
      await grant.save();
      return grant;
    },
    async extraTokenClaims(ctx, token) {
      if (token.kind === 'ClientCredentials') {
        const roles = (ctx.oidc.client as unknown as { pegase_roles?: string[] } | undefined)?.pegase_roles ?? ['service'];
        return { pegase_roles: roles, pegase_structures: [] };
      }
      const accountId = (token as { accountId?: string }).accountId;
      if (accountId === undefined) return undefined;
      const account = await findAccount(db, accountId);
      if (account === undefined) return undefined;
      return {
        preferred_username: account.login,
        pegase_roles: account.roles,
        pegase_structures: account.structureCodes,
        ...(account.learnerCode ? { learner_code: account.learnerCode } : {}),
      };
    },
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true,
    ttl: {
      AccessToken: options.accessTokenTtlSeconds,
      ClientCredentials: options.accessTokenTtlSeconds,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 600,
      Session: 8 * 3600,
      Grant: 14 * 24 * 3600,
      RefreshToken: 8 * 3600,
    },
    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = errorPage(languageOf(ctx), out.error, out.error_description);
    },
  };
  const provider = new Provider(options.issuer, configuration);
  provider.proxy = options.trustProxy;
  return provider;
}

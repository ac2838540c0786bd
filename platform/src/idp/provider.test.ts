import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveLocalAccount } from '../auth/accounts.ts';
import { saveIntegrationClient } from './clients.ts';
import { fixtureModule } from '../testing/fixture-module/fixture-module.ts';
import { CookieClient, freeLoopbackPort, jsonOf } from '../testing/http-client.ts';
import { createTestRuntime, type TestRuntime } from '../testing/test-runtime.ts';

/** The embedded provider's flows over real HTTP, as a browser and an integration would use them. */
describe('the embedded OpenID provider', () => {
  let runtime: TestRuntime;
  let base: string;
  const redirectUri = () => `${base}/oidc-callback`;

  beforeAll(async () => {
    const port = await freeLoopbackPort();
    base = `http://127.0.0.1:${port}`;
    runtime = await createTestRuntime([fixtureModule()], { env: { PEGASE_PUBLIC_URL: base, PORT: String(port) } });
    await runtime.app.listen({ port, host: '127.0.0.1' });
    await saveLocalAccount(runtime.database.db, {
      login: 'marie',
      password: 'marie-password-2026',
      displayName: 'Marie Curie',
      roles: ['staff'],
      structureCodes: ['UFR-SCI'],
    });
    await saveLocalAccount(runtime.database.db, {
      login: 'victim',
      password: 'victim-password-2026',
      displayName: 'Victim',
      roles: ['student'],
      learnerCode: 'L1',
    });
    await saveIntegrationClient(runtime.database.db, 'apogee-bridge', 'Test integration', ['service'], 'bridge-secret-123');
  });
  afterAll(async () => runtime.close());

  it('publishes discovery and JWKS for the issuer <public URL>/auth', async () => {
    const discovery = await jsonOf(await fetch(`${base}/auth/.well-known/openid-configuration`));
    expect(discovery).toMatchObject({
      issuer: `${base}/auth`,
      authorization_endpoint: `${base}/auth/authorize`,
      token_endpoint: `${base}/auth/token`,
      code_challenge_methods_supported: ['S256'],
    });
    const jwks = await jsonOf(await fetch(discovery.jwks_uri));
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(jwks.keys[0].d).toBeUndefined();
  });

  it('logs a user in with authorization code and PKCE, then refreshes the token', async () => {
    const client = new CookieClient();
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const authorize = `${base}/auth/authorize?client_id=pegase-web&response_type=code&scope=openid%20profile&redirect_uri=${encodeURIComponent(redirectUri())}&code_challenge=${challenge}&code_challenge_method=S256&state=xyz`;
    const { response: loginPage, url: loginUrl } = await client.follow(authorize, base);
    expect(loginPage.status).toBe(200);
    const html = await loginPage.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<label for="login">Identifiant</label>');

    const action = new URL(/action="([^"]+)"/.exec(html)![1]!, loginUrl).href;
    const wrong = await client.fetch(action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'login=marie&password=nope&lang=fr',
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('Identifiant ou mot de passe incorrect.');

    const { url: back } = await client.follow(action, base, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'login=Marie&password=marie-password-2026&lang=fr',
    });
    const callback = new URL(back);
    expect(callback.origin + callback.pathname).toBe(redirectUri());
    expect(callback.searchParams.get('state')).toBe('xyz');
    const code = callback.searchParams.get('code')!;

    const exchange = async (body: Record<string, string>) =>
      fetch(`${base}/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ client_id: 'pegase-web', ...body }),
      });
    const withoutVerifier = await exchange({ grant_type: 'authorization_code', code, redirect_uri: redirectUri() });
    expect(withoutVerifier.status).toBe(400);
    const tokens = await jsonOf(await exchange({ grant_type: 'authorization_code', code, redirect_uri: redirectUri(), code_verifier: verifier }));
    expect(tokens.token_type).toBe('Bearer');
    expect(tokens.refresh_token).toBeDefined();
    expect(tokens.id_token).toBeDefined();
    const claims = JSON.parse(Buffer.from(tokens.access_token.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({
      iss: `${base}/auth`,
      aud: 'pegase-api',
      sub: 'marie',
      pegase_roles: ['staff'],
      pegase_structures: ['UFR-SCI'],
      preferred_username: 'marie',
    });

    // The token opens the API with the account's rights.
    const note = await fetch(`${base}/api/fixture/v1/notes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.access_token}`, 'content-type': 'application/json' },
      body: '{"text":"signed in"}',
    });
    expect(note.status).toBe(201);

    const refreshed = await jsonOf(await exchange({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token }));
    expect(refreshed.access_token).toBeDefined();
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token); // rotated
    const reused = await exchange({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    expect(reused.status).toBe(400);
  });

  it('gives integrations tokens with client credentials, and refuses a wrong secret', async () => {
    const basic = (secret: string) => `Basic ${Buffer.from(`apogee-bridge:${secret}`).toString('base64')}`;
    const granted = await fetch(`${base}/auth/token`, {
      method: 'POST',
      headers: { authorization: basic('bridge-secret-123'), 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    const token = (await jsonOf(granted)).access_token as string;
    expect(JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString())).toMatchObject({
      sub: 'apogee-bridge',
      aud: 'pegase-api',
      pegase_roles: ['service'],
    });
    const refused = await fetch(`${base}/auth/token`, {
      method: 'POST',
      headers: { authorization: basic('guess'), 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    expect(refused.status).toBe(401);
  });

  it('speaks English when asked, and refuses a redirect URI it does not know', async () => {
    const client = new CookieClient();
    const challenge = createHash('sha256').update('v'.repeat(43)).digest('base64url');
    const { response } = await client.follow(
      `${base}/auth/authorize?client_id=pegase-web&response_type=code&scope=openid&redirect_uri=${encodeURIComponent(redirectUri())}&code_challenge=${challenge}&code_challenge_method=S256`,
      base,
      { headers: { 'accept-language': 'en-GB,en;q=0.8' } },
    );
    expect(await response.text()).toContain('<html lang="en">');
    const evil = await client.fetch(
      `${base}/auth/authorize?client_id=pegase-web&response_type=code&scope=openid&redirect_uri=${encodeURIComponent('https://evil.example/cb')}&code_challenge=${challenge}&code_challenge_method=S256`,
    );
    expect(evil.status).toBe(400);
    expect(await evil.text()).toContain('redirect_uri');
  });

  it('asks a signed-in person to confirm the logout in their language, with the anti-forgery form', async () => {
    const client = new CookieClient();
    const challenge = createHash('sha256').update(randomBytes(32).toString('base64url')).digest('base64url');
    const authorize = `${base}/auth/authorize?client_id=pegase-web&response_type=code&scope=openid&redirect_uri=${encodeURIComponent(redirectUri())}&code_challenge=${challenge}&code_challenge_method=S256`;
    const { response, url } = await client.follow(authorize, base);
    const action = new URL(/action="([^"]+)"/.exec(await response.text())![1]!, url).href;
    await client.follow(action, base, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'login=marie&password=marie-password-2026&lang=fr',
    });

    const html = await (await client.fetch(`${base}/auth/session/end`)).text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('Voulez-vous vous déconnecter de Pégase ?');
    expect(html).toMatch(/<form[^>]+id="op.logoutForm"/);
    expect(html).toContain('name="xsrf"');
    expect(html).toContain('<button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>Oui, me déconnecter</button>');
    const english = await (await client.fetch(`${base}/auth/session/end`, { headers: { 'accept-language': 'en-GB,en;q=0.9' } })).text();
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('Yes, sign me out');
  });

  it('locks an account for a doubling time after repeated failures, counted in the database', async () => {
    const client = new CookieClient();
    const challenge = createHash('sha256').update('w'.repeat(43)).digest('base64url');
    const { response, url } = await client.follow(
      `${base}/auth/authorize?client_id=pegase-web&response_type=code&scope=openid&redirect_uri=${encodeURIComponent(redirectUri())}&code_challenge=${challenge}&code_challenge_method=S256`,
      base,
    );
    const action = new URL(/action="([^"]+)"/.exec(await response.text())![1]!, url).href;
    const attempt = (password: string) =>
      client.fetch(action, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `login=victim&password=${password}` });
    for (let i = 0; i < 4; i++) await attempt('wrong');
    const locked = await attempt('victim-password-2026');
    expect(locked.status).toBe(429);
    expect(await locked.text()).toMatch(/réessayez dans \d+ seconde/);
  });

  it('limits attempts on the token endpoint from one address (429 with Retry-After)', async () => {
    const attempt = () =>
      fetch(`${base}/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials&client_id=nobody&client_secret=x',
      });
    // Earlier tests of this file used part of this minute's allowance (30).
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await attempt()).status);
    const firstLimited = statuses.indexOf(429);
    expect(firstLimited).toBeGreaterThan(0);
    expect(statuses.slice(0, firstLimited).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(firstLimited).every((s) => s === 429)).toBe(true);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await jsonOf(limited)).type).toBe('urn:pegase:problem:too-many-attempts');
  });
});

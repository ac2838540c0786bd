import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumPath, launchChromium, screenshot } from '../testing/browser.ts';
import { fixtureModule } from '../testing/fixture-module/fixture-module.ts';
import { freeLoopbackPort, jsonOf } from '../testing/http-client.ts';
import { createTestRuntime, type TestRuntime } from '../testing/test-runtime.ts';

/**
 * Pégase behind a university's own OpenID provider: a real Keycloak
 * (scripts/keycloak.sh) with the realm of scripts/keycloak/. A person logs in
 * on Keycloak's page in Chromium; Pégase accepts Keycloak's tokens only.
 */
const keycloak = process.env['PEGASE_TEST_KEYCLOAK_URL'];

describe.skipIf(chromiumPath() === undefined || keycloak === undefined)('an external OpenID provider (Keycloak)', () => {
  let runtime: TestRuntime;
  let browser: Browser;
  let base: string;
  const write = (token: string) =>
    fetch(`${base}/api/fixture/v1/notes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"text":"from keycloak"}',
    });

  beforeAll(async () => {
    const port = await freeLoopbackPort();
    base = `http://127.0.0.1:${port}`;
    runtime = await createTestRuntime([fixtureModule()], { env: { PEGASE_PUBLIC_URL: base, PORT: String(port), PEGASE_OIDC_ISSUER: keycloak! } });
    await runtime.app.listen({ port, host: '127.0.0.1' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await runtime?.close();
  });

  async function browserLogin(login: string, password: string): Promise<string> {
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const redirectUri = `${base}/oidc-callback`;
    const page = await browser.newPage();
    await page.goto(
      `${keycloak}/protocol/openid-connect/auth?client_id=pegase-web&response_type=code&scope=openid&redirect_uri=${encodeURIComponent(redirectUri)}&code_challenge=${challenge}&code_challenge_method=S256`,
    );
    await page.locator('#username').fill(login);
    await page.locator('#password').fill(password);
    await screenshot(page, `keycloak-login-${login}`);
    await Promise.all([
      page.waitForURL((url) => url.href.startsWith(redirectUri), { waitUntil: 'commit', timeout: 30_000 }),
      page.locator('#password').press('Enter'),
    ]);
    const code = new URL(page.url()).searchParams.get('code')!;
    await page.close();
    const tokens = await jsonOf(
      await fetch(`${keycloak}/protocol/openid-connect/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'authorization_code', client_id: 'pegase-web', code, redirect_uri: redirectUri, code_verifier: verifier }),
      }),
    );
    return tokens.access_token as string;
  }

  it('accepts the token of a staff member who logged in on Keycloak, with the roles its claims give', async () => {
    const token = await browserLogin('kc-staff', 'kc-staff-password');
    expect((await write(token)).status).toBe(201);
  });

  it('refuses a student where the permission is for staff, naming the role Keycloak gave', async () => {
    const token = await browserLogin('kc-student', 'kc-student-password');
    const refused = await write(token);
    expect(refused.status).toBe(403);
    expect((await jsonOf(refused)).detail).toContain('Your account (student)');
  });

  it('maps an integration of Keycloak (client credentials) to the service role', async () => {
    const { access_token: token } = await jsonOf(
      await fetch(`${keycloak}/protocol/openid-connect/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from('pegase-integration:integration-secret').toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'grant_type=client_credentials',
      }),
    );
    const refused = await write(token as string);
    expect((await jsonOf(refused)).detail).toContain('Your account (service)');
  });

  it('no longer accepts tokens of the embedded provider, nor serves it', async () => {
    const embedded = await runtime.tokenFor({ subject: 'x', roles: ['admin'] });
    const refused = await write(embedded);
    expect(refused.status).toBe(401);
    // Signed by a key Keycloak never published: refused before its issuer is even read.
    expect((await jsonOf(refused)).detail).toMatch(/unknown key|issued by/);
    expect((await fetch(`${base}/auth/.well-known/openid-configuration`)).status).toBe(404);
  });
});

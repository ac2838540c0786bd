import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { saveLocalAccount } from '../auth/accounts.ts';
import { axeViolations, chromiumPath, launchChromium, screenshot } from '../testing/browser.ts';
import { fixtureModule } from '../testing/fixture-module/fixture-module.ts';
import { freeLoopbackPort, jsonOf } from '../testing/http-client.ts';
import { createTestRuntime, type TestRuntime } from '../testing/test-runtime.ts';

/**
 * A person logging in through the embedded provider in Chromium, with a local
 * account and through a real Apereo CAS server. Runs in the integration run,
 * which starts Chromium's package and CAS (scripts/integration-tests.sh).
 */
const casUrl = process.env['PEGASE_TEST_CAS_URL'];

describe.skipIf(chromiumPath() === undefined)('logging in through the embedded provider, in Chromium', () => {
  let runtime: TestRuntime;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    const port = await freeLoopbackPort();
    base = `http://127.0.0.1:${port}`;
    runtime = await createTestRuntime([fixtureModule()], {
      env: { PEGASE_PUBLIC_URL: base, PORT: String(port), ...(casUrl ? { PEGASE_CAS_URL: casUrl } : {}) },
    });
    await runtime.app.listen({ port, host: '127.0.0.1' });
    await saveLocalAccount(runtime.database.db, {
      login: 'staff',
      password: 'staff-password-2026',
      displayName: 'Sophie Scolarité',
      roles: ['staff'],
      structureCodes: ['UFR-SCI'],
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await runtime?.close();
  });

  /** Starts an authorization request as the web application would, and returns how to finish it. */
  function authorization() {
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const redirectUri = `${base}/oidc-callback`;
    const url = `${base}/auth/authorize?client_id=pegase-web&response_type=code&scope=openid%20profile&redirect_uri=${encodeURIComponent(redirectUri)}&code_challenge=${challenge}&code_challenge_method=S256&state=s1`;
    const exchange = async (code: string) =>
      jsonOf(
        await fetch(`${base}/auth/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ client_id: 'pegase-web', grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier }),
        }),
      );
    return { url, redirectUri, exchange };
  }

  const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;

  it('signs a staff member in with a local account, from an accessible French login page', async () => {
    const page = await (await browser.newContext({ locale: 'fr-FR', bypassCSP: true })).newPage();
    const flow = authorization();
    await page.goto(flow.url);
    await page.getByLabel('Identifiant').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'idp-login-fr');

    await page.getByLabel('Identifiant').fill('staff');
    await page.getByLabel('Mot de passe').fill('not the password');
    await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('Identifiant ou mot de passe incorrect');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'idp-login-error-fr');

    await page.getByLabel('Mot de passe').fill('staff-password-2026');
    await Promise.all([
      page.waitForURL((url) => url.href.startsWith(flow.redirectUri)),
      page.getByRole('button', { name: 'Se connecter', exact: true }).click(),
    ]);
    const code = new URL(page.url()).searchParams.get('code')!;
    const tokens = await flow.exchange(code);
    expect(claimsOf(tokens.access_token)).toMatchObject({ sub: 'staff', pegase_roles: ['staff'], pegase_structures: ['UFR-SCI'] });
    await page.close();
  });

  it('switches the login page to English', async () => {
    const page = await (await browser.newContext({ locale: 'fr-FR', bypassCSP: true })).newPage();
    await page.goto(authorization().url);
    await page.getByRole('link', { name: 'English' }).click();
    await page.getByLabel('Login').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'idp-login-en');
    await page.close();
  });

  it.skipIf(casUrl === undefined)('hands the login to the university CAS and maps its SupAnn attributes to roles and structures', async () => {
    const page = await (await browser.newContext({ locale: 'fr-FR', bypassCSP: true })).newPage();
    const flow = authorization();
    await page.goto(flow.url);
    await page.getByRole('link', { name: /compte de l’université \(CAS\)/ }).click();
    await page
      .waitForURL((url) => url.href.startsWith(casUrl!), { waitUntil: 'commit' })
      .catch(async (error: unknown) => {
        await screenshot(page, 'cas-redirect-failed');
        throw new Error(`not sent to CAS, at ${page.url()}`, { cause: error });
      });
    await page.locator('#username').fill('cas-staff');
    await page.locator('#password').fill('cas-staff-password');
    await screenshot(page, 'cas-login');
    await Promise.all([
      page
        .waitForURL((url) => url.href.startsWith(flow.redirectUri), { timeout: 20_000, waitUntil: 'commit' })
        .catch(async (error: unknown) => {
          await screenshot(page, 'cas-return-failed');
          throw new Error(`not back from CAS, at ${page.url()}: ${(await page.content()).slice(0, 800)}`, { cause: error });
        }),
      page.locator('#password').press('Enter'),
    ]);
    const tokens = await flow.exchange(new URL(page.url()).searchParams.get('code')!);
    expect(claimsOf(tokens.access_token)).toMatchObject({ sub: 'cas-staff', pegase_roles: ['staff'], pegase_structures: ['UFR-SCI'] });

    // The token opens the API with the rights CAS said.
    const note = await fetch(`${base}/api/fixture/v1/notes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.access_token}`, 'content-type': 'application/json' },
      body: '{"text":"via CAS"}',
    });
    expect(note.status).toBe(201);
    await page.close();
  });

  it.skipIf(casUrl === undefined)('maps a CAS student to the student role with their learner code', async () => {
    const page = await (await browser.newContext({ bypassCSP: true })).newPage();
    const flow = authorization();
    await page.goto(flow.url);
    await page.getByRole('link', { name: /CAS/ }).click();
    await page.waitForURL((url) => url.href.startsWith(casUrl!), { waitUntil: 'commit' });
    await page.locator('#username').fill('cas-student');
    await page.locator('#password').fill('cas-student-password');
    await Promise.all([
      page.waitForURL((url) => url.href.startsWith(flow.redirectUri), { timeout: 30_000, waitUntil: 'commit' }),
      page.locator('#password').press('Enter'),
    ]);
    const tokens = await flow.exchange(new URL(page.url()).searchParams.get('code')!);
    expect(claimsOf(tokens.access_token)).toMatchObject({ sub: 'cas-student', pegase_roles: ['student'], learner_code: 'L0000002' });
    await page.close();
  });
});

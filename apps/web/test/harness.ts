import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createRuntime, issueAccessToken, loadConfig, type TokenClaims } from '@pegase/platform';
import { axeViolations, freeLoopbackPort, launchChromium, screenshot } from '@pegase/platform/testing';
import { allModules } from '../../server/src/modules.ts';
import { loadSandboxIdentities } from '../../server/src/sandbox-identities.ts';

const dist = new URL('../dist/', import.meta.url);
const root = fileURLToPath(new URL('../../../', import.meta.url));
const admin: TokenClaims = { subject: 'test-admin', login: 'test-admin', roles: ['admin'] };

/**
 * What every browser test of the web application stands on: the built
 * application served by a whole Pégase over the sandbox on a loopback port,
 * and Debian's Chromium.
 */
export interface WebHarness {
  runtime: Awaited<ReturnType<typeof createRuntime>>;
  browser: Browser;
  base: string;
  /** Calls the API in process as these claims (an admin by default), expecting a success. */
  call<T = { id: string }>(method: string, url: string, body?: unknown, claims?: TokenClaims, headers?: Record<string, string>): Promise<T>;
  /** Logs in through the embedded provider's page and waits for the application's first heading. */
  logIn(page: Page, login: string, password: string): Promise<void>;
  /** No axe violation (WCAG 2.1 A and AA) once the page is still; saves a screenshot under this name. */
  expectAccessible(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

export async function startWebHarness(env: Record<string, string> = {}): Promise<WebHarness> {
  if (!existsSync(new URL('index.html', dist))) {
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    execFileSync('npm', ['run', 'build', '-w', '@pegase/web'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  }
  const port = await freeLoopbackPort();
  const base = `http://127.0.0.1:${port}`;
  const runtime = await createRuntime({
    config: loadConfig({ LOG_LEVEL: 'silent', PEGASE_PUBLIC_URL: base, PORT: String(port), ...env }),
    modules: allModules,
    sandbox: true,
    sandboxExtras: loadSandboxIdentities,
    webApp: dist,
  });
  await runtime.app.listen({ port, host: '127.0.0.1' });
  await runtime.dispatcher.drain();
  const browser = await launchChromium();

  return {
    runtime,
    browser,
    base,
    async call<T>(method: string, url: string, body?: unknown, claims: TokenClaims = admin, headers: Record<string, string> = {}) {
      const token = await issueAccessToken(runtime.keys, runtime.issuer, claims, 600);
      const response = await runtime.app.inject({
        method: method as 'GET',
        url,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      });
      expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
      return response.json() as T;
    },
    async logIn(page, login, password) {
      await page.goto(base);
      await page.getByLabel('Identifiant').waitFor();
      await page.getByLabel('Identifiant').fill(login);
      await page.getByLabel('Mot de passe').fill(password);
      await Promise.all([
        page.waitForURL((url) => url.origin === base && !url.pathname.startsWith('/auth') && !url.pathname.startsWith('/oidc-callback'), { timeout: 20_000 }),
        page.getByRole('button', { name: 'Se connecter', exact: true }).click(),
      ]);
      await page.getByRole('heading', { level: 1 }).waitFor();
    },
    async expectAccessible(page, name) {
      // A menu that is closing fades out, and a button enabled again fades in: axe would measure half-transparent text.
      await page.locator('.MuiPopover-root').waitFor({ state: 'detached' });
      // (Spinners and skeletons pulse for ever: only the animations that end are waited for.)
      await page.waitForFunction(() =>
        document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity),
      );
      const violations = await axeViolations(page);
      expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
      await screenshot(page, name);
    },
    async close() {
      await browser.close();
      await runtime.close();
    },
  };
}

export interface Labels {
  fr: string;
  en: string;
}

/** Creates an object of the offer (as an admin) in the period, owned by the structure; returns its id. */
export type OfferObjectMaker = (
  code: string,
  type: string,
  labels: Labels,
  parentId: string | null,
  extra?: Record<string, unknown>,
) => Promise<{ id: string }>;

/**
 * Where the browser tests build their own formation: the sandbox's
 * 2026-2027 and SCI-INFO, with a maker of objects through the curriculum's
 * API (validate the formation, then drain, for the other modules to learn it).
 */
export async function sandboxOffer(h: WebHarness): Promise<{ periodId: string; object: OfferObjectMaker }> {
  const years = await h.call<{ items: { id: string; code: string }[] }>('GET', '/api/referential/v1/periods?type=academic-year&sort=code&limit=20');
  const periodId = years.items.find((year) => year.code === '2026-2027')!.id;
  const structures = await h.call<{ items: { id: string; code: string }[] }>('GET', '/api/referential/v1/structures?q=SCI-INFO&sort=code&limit=50');
  const owner = structures.items.find((structure) => structure.code === 'SCI-INFO')!;
  const object: OfferObjectMaker = (code, type, labels, parentId, extra = {}) =>
    h.call('POST', '/api/curriculum/v1/objects', {
      periodId,
      code,
      type,
      labels,
      ownerStructureId: owner.id,
      ...(parentId ? { parentId } : {}),
      ...extra,
    });
  return { periodId, object };
}

/**
 * A new learner with a validated enrolment at the point (submitted, fees
 * waived at the desk, validated), its events delivered: the point's
 * mandatory objects are in their cursus. `name` as the pages write it.
 */
export async function validatedLearner(
  h: WebHarness,
  pointId: string,
  familyName: string,
  givenNames: string,
  birthDate = '2006-05-02',
): Promise<{ id: string; code: string; enrolmentId: string; name: string }> {
  const learner = await h.call<{ id: string; code: string }>('POST', '/api/enrolment/v1/learners?confirmNew=true', {
    familyName,
    givenNames,
    birthDate,
    birthCountry: '100',
    sex: 'F',
  });
  const enrolment = await h.call('POST', '/api/enrolment/v1/enrolments', { learnerId: learner.id, pointId, origin: 'MANUELLE', regime: 'FI' });
  await h.call('POST', `/api/enrolment/v1/enrolments/${enrolment.id}/submit`, undefined, undefined, { 'idempotency-key': `web-test-${enrolment.id}` });
  await h.runtime.dispatcher.drain();
  await h.call('PUT', `/api/enrolment/v1/enrolments/${enrolment.id}/payment-status`, { paymentStatus: 'exempt' });
  await h.call('POST', `/api/enrolment/v1/enrolments/${enrolment.id}/validate`);
  await h.runtime.dispatcher.drain();
  return { id: learner.id, code: learner.code, enrolmentId: enrolment.id, name: `${familyName.toLocaleUpperCase('fr')} ${givenNames}` };
}

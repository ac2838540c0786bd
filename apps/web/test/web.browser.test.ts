import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createRuntime, loadConfig } from '@pegase/platform';
import { axeViolations, chromiumPath, freeLoopbackPort, launchChromium, screenshot } from '@pegase/platform/testing';
import { allModules } from '../../server/src/modules.ts';
import { loadSandboxIdentities } from '../../server/src/sandbox-identities.ts';

/**
 * The web application, built by Vite and served by `pegase serve` over the
 * sandbox, driven in Chromium: login through the embedded provider, the staff
 * pages and the student home on a phone.
 */
const dist = new URL('../dist/', import.meta.url);
const root = fileURLToPath(new URL('../../../', import.meta.url));

describe.skipIf(chromiumPath() === undefined)('the web application, in Chromium', () => {
  let runtime: Awaited<ReturnType<typeof createRuntime>>;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    if (!existsSync(new URL('index.html', dist))) {
      // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
      execFileSync('npm', ['run', 'build', '-w', '@pegase/web'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    }
    const port = await freeLoopbackPort();
    base = `http://127.0.0.1:${port}`;
    runtime = await createRuntime({
      config: loadConfig({ LOG_LEVEL: 'silent', PEGASE_PUBLIC_URL: base, PORT: String(port) }),
      modules: allModules,
      sandbox: true,
      sandboxExtras: loadSandboxIdentities,
      webApp: dist,
    });
    await runtime.app.listen({ port, host: '127.0.0.1' });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await runtime?.close();
  });

  async function expectAccessible(page: Page, name: string) {
    const violations = await axeViolations(page);
    expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
    await screenshot(page, name);
  }

  async function logIn(page: Page, login: string, password: string) {
    await page.goto(base);
    await page.getByLabel('Identifiant').waitFor();
    await page.getByLabel('Identifiant').fill(login);
    await page.getByLabel('Mot de passe').fill(password);
    await Promise.all([
      page.waitForURL((url) => url.origin === base && !url.pathname.startsWith('/auth') && !url.pathname.startsWith('/oidc-callback'), { timeout: 20_000 }),
      page.getByRole('button', { name: 'Se connecter', exact: true }).click(),
    ]);
    await page.getByRole('heading', { level: 1 }).waitFor();
  }

  const firstCode = (page: Page) => page.locator('tbody tr').first().locator('td').first().textContent();

  it('lets staff see their home, browse and export the structures, and switch to English', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', bypassCSP: true, acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await logIn(page, 'staff', 'staff-sandbox');

    // Home, in French, with figures from the API.
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await page.getByRole('heading', { level: 1, name: 'Accueil' }).waitFor();
    expect(await page.getByRole('banner').textContent()).toContain('Pégase');
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Accueil', 'Structures', 'Périodes', 'Nomenclatures']);
    await page.getByTestId('figure').nth(2).waitFor();
    const figures = (await page.getByTestId('figure').allTextContents()).map((text) => Number(text.replace(/\s/g, '')));
    expect(figures).toHaveLength(3);
    expect(figures[0]).toBeGreaterThan(0);
    expect(figures[1]).toBeGreaterThan(0);
    expect(figures[2]).toBeGreaterThan(0);
    await expectAccessible(page, 'web-staff-home-fr');

    // Structures: sorted by code, then reversed.
    await nav.getByRole('link', { name: 'Structures' }).click();
    await page.getByRole('heading', { level: 1, name: 'Structures' }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    const ascending = await firstCode(page);
    await expectAccessible(page, 'web-structures');
    await page.getByRole('button', { name: 'Code' }).click();
    await expect.poll(() => firstCode(page)).not.toBe(ascending);
    expect(await page.locator('th[aria-sort="descending"]').textContent()).toContain('Code');

    // Filtered with « UFR ».
    await page.getByLabel('Rechercher (code ou libellé)').fill('UFR');
    await expect.poll(async () => (await page.locator('tbody tr td:first-child').allTextContents()).join(',')).toBe('UFR-SCI,UFR-LLSH,UFR-DEG');
    const shown = await page.locator('tbody tr td:first-child').allTextContents();
    await expectAccessible(page, 'web-structures-filtered');

    // Exported as shown.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter en CSV' }).click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe('Code;Libellé;Type;Fermée le');
    expect(lines.slice(1).map((line) => line.split(';')[0])).toEqual(shown);

    // The other pages of the referential.
    for (const [link, name] of [
      ['Périodes', 'web-periods'],
      ['Nomenclatures', 'web-nomenclatures'],
    ] as const) {
      await nav.getByRole('link', { name: link }).click();
      await page.getByRole('heading', { level: 1, name: link }).waitFor();
      await page.locator('tbody tr').first().waitFor();
      await expectAccessible(page, name);
    }

    // English.
    await nav.getByRole('link', { name: 'Accueil' }).click();
    await page.getByRole('combobox', { name: 'Langue' }).click();
    await page.getByRole('option', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('heading', { level: 2, name: 'Academic years' }).waitFor();
    await expectAccessible(page, 'web-staff-home-en');
    await context.close();
  });

  it('shows a student their home on a phone, without the staff pages nor a horizontal scroll', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', bypassCSP: true, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await logIn(page, 'student1', 'student1-sandbox');

    await page.getByRole('heading', { level: 1, name: 'Accueil' }).waitFor();
    await page.getByRole('heading', { name: 'Bienvenue, Camille Martin' }).waitFor();
    expect(await page.getByTestId('learner-code').textContent()).toContain('PGS0000001');
    for (const heading of ['Mon inscription', 'Mes choix', 'Mes résultats', 'Mes documents']) {
      await page.getByRole('heading', { level: 2, name: heading }).waitFor();
    }
    expect(await page.getByText('Bientôt disponible').count()).toBe(4);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectAccessible(page, 'web-student-home-phone');

    // The menu offers the home only.
    await page.getByRole('button', { name: 'Ouvrir le menu de navigation' }).click();
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await nav.waitFor();
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Accueil']);
    await expectAccessible(page, 'web-student-menu-phone');
    await page.keyboard.press('Escape');

    // A staff page is not for them.
    await page.goto(`${base}/structures`);
    await page.getByRole('heading', { level: 1, name: 'Accueil' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await context.close();
  });
});

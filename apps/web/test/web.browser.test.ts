import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumPath } from '@pegase/platform/testing';
import { startWebHarness, type WebHarness } from './harness.ts';

/**
 * The web application, built by Vite and served by `pegase serve` over the
 * sandbox, driven in Chromium: login through the embedded provider, the staff
 * pages and the student home on a phone.
 */

describe.skipIf(chromiumPath() === undefined)('the web application, in Chromium', () => {
  let h: WebHarness;

  beforeAll(async () => {
    h = await startWebHarness({ PEGASE_TOKEN_TTL_SECONDS: '60' });
  }, 180_000);

  afterAll(async () => h?.close());

  const firstCode = (page: Page) => page.locator('tbody tr').first().locator('td').first().textContent();

  const rowCodes = (page: Page) => page.locator('tbody tr td:first-child').allTextContents();
  const accessToken = (page: Page) =>
    page.evaluate(() => {
      const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:'));
      return key ? (JSON.parse(sessionStorage.getItem(key)!) as { access_token: string }).access_token : null;
    });

  it('lets staff work in the referential: tables, tree, create and edit a structure with its errors, history, English, token renewal, logout', async () => {
    const context = await h.browser.newContext({ locale: 'fr-FR', bypassCSP: true, acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await h.logIn(page, 'staff', 'staff-sandbox');
    const firstToken = await accessToken(page);
    expect(firstToken).toBeTruthy();

    // Home, in French: work queues and figures from the API.
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await page.getByRole('heading', { level: 1, name: 'Accueil' }).waitFor();
    expect(await page.title()).toBe('Accueil — Pégase');
    await page.getByRole('heading', { level: 2, name: 'Files de travail' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Accueil',
      'Structures',
      'Périodes',
      'Nomenclatures',
      'Offre de formation',
      'Inscriptions',
      'Choix de cours',
      'Groupes et listes',
      'Saisie des notes',
      'Modalités de contrôle',
      'Jurys',
    ]);
    await page.getByTestId('figure').nth(2).waitFor();
    const figures = (await page.getByTestId('figure').allTextContents()).map((text) => Number(text.replace(/\s/g, '')));
    expect(figures).toHaveLength(3);
    for (const figure of figures) expect(figure).toBeGreaterThan(0);
    await h.expectAccessible(page, 'web-staff-home-fr');

    // Structures: sorted by code, then reversed.
    await nav.getByRole('link', { name: 'Structures' }).click();
    await page.getByRole('heading', { level: 1, name: 'Structures' }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    const ascending = await firstCode(page);
    await h.expectAccessible(page, 'web-structures');
    await page.getByRole('button', { name: 'Code' }).click();
    await expect.poll(() => firstCode(page)).not.toBe(ascending);
    expect(await page.locator('th[aria-sort="descending"]').textContent()).toContain('Code');

    // Filtered with « UFR », the English label added to the columns, exported as shown.
    await page.getByLabel('Rechercher (code ou libellé)').fill('UFR');
    await expect.poll(async () => (await rowCodes(page)).join(',')).toBe('UFR-SCI,UFR-LLSH,UFR-DEG');
    await page.getByRole('button', { name: 'Colonnes' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Libellé (anglais)' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('columnheader', { name: 'Libellé (anglais)' }).waitFor();
    await h.expectAccessible(page, 'web-structures-filtered-columns');
    const shown = await rowCodes(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter en CSV' }).click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe('Code;Libellé;Type;Libellé (anglais);Fermée le');
    expect(lines.slice(1).map((line) => line.split(';')[0])).toEqual(shown);
    expect(lines[1]).toContain('Faculty of Science');

    // The tree: a level opens on demand, the chosen structure leads to its page.
    await page.getByRole('tab', { name: 'Arborescence' }).click();
    const tree = page.getByRole('tree', { name: 'Arborescence des structures de l’établissement' });
    await tree
      .getByRole('treeitem', { name: /^UFR-SCI/ })
      .first()
      .click();
    await tree.getByRole('treeitem', { name: /^SCI-INFO/ }).click();
    await page.getByTestId('tree-selection').getByRole('heading', { name: 'SCI-INFO' }).waitFor();
    await h.expectAccessible(page, 'web-structures-tree');
    await page.getByTestId('tree-selection').getByRole('link', { name: 'Fiche' }).click();
    await page.getByRole('heading', { level: 1, name: /^SCI-INFO — / }).waitFor();

    // A new structure: errors of the form, then of the API, each beside its field.
    await page.goto(`${h.base}/structures`);
    await page.getByRole('link', { name: 'Créer une structure' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nouvelle structure' }).waitFor();
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Le formulaire contient 3 erreurs : corrigez les champs signalés.').waitFor();
    expect(await page.locator('#structure-code-helper-text').textContent()).toBe('Ce champ est obligatoire.');
    expect(await page.locator('#structure-label-fr-helper-text').textContent()).toBe('Ce champ est obligatoire.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('structure-code');
    await h.expectAccessible(page, 'web-structure-form-errors');

    await page.locator('#structure-code').fill('SCI-INFO');
    await page.locator('#structure-type').click();
    await page.getByRole('option', { name: 'Département' }).click();
    await page.locator('#structure-label-fr').fill('Département de science des données');
    await page.locator('#structure-parent').fill('UFR-SCI');
    await page.getByRole('option', { name: /^UFR-SCI — / }).click();
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => page.locator('#structure-code-helper-text').textContent()).toBe('Cette valeur est déjà utilisée.');
    await h.expectAccessible(page, 'web-structure-duplicate-code');

    await page.locator('#structure-code').fill('SCI-DATA');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('heading', { level: 1, name: 'SCI-DATA — Département de science des données' }).waitFor();
    await page.getByText('Création enregistrée.').waitFor();
    expect(await page.getByTestId('history-entry').count()).toBe(1);

    // It has no English label yet: the home's work queue counts it and leads to it.
    await nav.getByRole('link', { name: 'Accueil' }).click();
    await expect.poll(() => page.getByTestId('queue-count').textContent()).toBe('1');
    await h.expectAccessible(page, 'web-staff-home-queue');
    await page.getByRole('link', { name: 'Traiter la file' }).click();
    await page.getByText('Sous la structure UFR-SCI').waitFor();
    await expect.poll(async () => (await rowCodes(page)).join(',')).toBe('SCI-DATA');
    expect(await page.getByRole('combobox', { name: 'Libellé anglais' }).textContent()).toBe('Manquant');
    await page.getByRole('link', { name: 'SCI-DATA' }).click();
    await page.getByRole('heading', { level: 1, name: 'SCI-DATA — Département de science des données' }).waitFor();

    // Edited: the history tells who changed what.
    await page.getByRole('button', { name: 'Modifier' }).click();
    await page.locator('#structure-label-en').fill('Department of Data Science');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Modifications enregistrées.').waitFor();
    await expect.poll(() => page.getByTestId('history-entry').count()).toBe(2);
    const newest = await page.getByTestId('history-entry').first().textContent();
    expect(newest).toContain('staff');
    expect(newest).toContain('Modification');
    expect(newest).toContain('Department of Data Science');
    await h.expectAccessible(page, 'web-structure-history');

    // Periods and nomenclatures, with their filters and detail pages.
    await nav.getByRole('link', { name: 'Périodes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Périodes' }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    await page.getByRole('combobox', { name: 'Type' }).click();
    await page.getByRole('option', { name: 'Année universitaire' }).click();
    await expect.poll(async () => [...new Set(await page.locator('tbody tr td:nth-child(3)').allTextContents())]).toEqual(['Année universitaire']);
    await h.expectAccessible(page, 'web-periods');
    await page.locator('tbody tr').first().getByRole('link').click();
    await page.getByRole('heading', { level: 2, name: 'Historique des modifications' }).waitFor();
    await h.expectAccessible(page, 'web-period');

    await nav.getByRole('link', { name: 'Nomenclatures' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nomenclatures' }).waitFor();
    await page.getByLabel('Rechercher (code ou libellé)').fill('BAC');
    await page.getByRole('link', { name: 'BAC-SERIES' }).click();
    await page.getByRole('heading', { level: 2, name: 'Valeurs' }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    expect(await page.getByRole('columnheader', { name: 'Valide du' }).count()).toBe(1);
    await h.expectAccessible(page, 'web-nomenclature-values');

    // English.
    await nav.getByRole('link', { name: 'Accueil' }).click();
    await page.getByRole('combobox', { name: 'Langue' }).click();
    await page.getByRole('option', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('heading', { level: 3, name: 'Academic years' }).waitFor();
    await h.expectAccessible(page, 'web-staff-home-en');
    await page.getByRole('combobox', { name: 'Language' }).click();
    await page.getByRole('option', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 1, name: 'Accueil' }).waitFor();

    // Tokens live 60 s here: the application renewed its token silently with the refresh token.
    await expect.poll(() => accessToken(page), { timeout: 45_000, interval: 1000 }).not.toBe(firstToken);

    // A token the API refuses (here, its signature broken) sends the person through the provider and back where they were.
    const forged = await page.evaluate(() => {
      const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:'))!;
      const user = JSON.parse(sessionStorage.getItem(key)!) as { access_token: string };
      const [header, payload] = user.access_token.split('.');
      const token = `${header}.${payload}.c2lnbmF0dXJlLWJyb2tlbg`;
      // Far from expiry in the application's eyes, so that no renewal replaces it first.
      sessionStorage.setItem(key, JSON.stringify({ ...user, access_token: token, expires_at: Math.floor(Date.now() / 1000) + 3600 }));
      return token;
    });
    const visited: string[] = [];
    page.on('framenavigated', (frame) => visited.push(new URL(frame.url()).pathname));
    await page.goto(`${h.base}/periods`);
    await expect.poll(() => visited.includes('/oidc-callback'), { timeout: 20_000 }).toBe(true);
    await page.waitForURL(`${h.base}/periods`, { timeout: 20_000 });
    await page.locator('tbody tr').first().waitFor();
    expect(await accessToken(page)).not.toBe(forged);

    // Logout: the provider asks in French, then the application is closed.
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Voulez-vous vous déconnecter de Pégase ?' }).waitFor();
    await h.expectAccessible(page, 'web-logout-confirm');
    await page.getByRole('button', { name: 'Oui, me déconnecter' }).click();
    await page.getByLabel('Identifiant').waitFor();
    expect(await accessToken(page)).toBeNull();
    await context.close();
  }, 240_000);

  it('shows the admin every page and the teacher their home, the training offer and the groups and class lists only', async () => {
    const context = await h.browser.newContext({ locale: 'fr-FR', bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const admin = await context.newPage();
    await h.logIn(admin, 'admin', 'admin-sandbox');
    const nav = admin.getByRole('navigation', { name: 'Navigation principale' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Accueil',
      'Structures',
      'Périodes',
      'Nomenclatures',
      'Offre de formation',
      'Inscriptions',
      'Choix de cours',
      'Groupes et listes',
      'Saisie des notes',
      'Modalités de contrôle',
      'Jurys',
    ]);
    await admin.getByTestId('figure').nth(2).waitFor();
    await h.expectAccessible(admin, 'web-admin-home');
    await context.close();

    const teacherContext = await h.browser.newContext({ locale: 'fr-FR', bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const teacher = await teacherContext.newPage();
    await h.logIn(teacher, 'teacher', 'teacher-sandbox');
    await teacher.getByRole('heading', { name: 'Bienvenue, Thomas Enseignant' }).waitFor();
    expect(await teacher.getByTestId('teacher-structures').textContent()).toContain('SCI-INFO');
    expect(await teacher.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link').allTextContents()).toEqual([
      'Accueil',
      'Offre de formation',
      'Groupes et listes',
      'Saisie des notes',
    ]);
    await h.expectAccessible(teacher, 'web-teacher-home');
    await teacher.goto(`${h.base}/structures/new`);
    await teacher.getByRole('heading', { level: 1, name: 'Accueil' }).waitFor();
    expect(new URL(teacher.url()).pathname).toBe('/');
    await teacherContext.close();
  });

  it('shows a student their home on a phone, without the staff pages nor a horizontal scroll', async () => {
    const context = await h.browser.newContext({ locale: 'fr-FR', bypassCSP: true, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await h.logIn(page, 'student1', 'student1-sandbox');

    await page.getByRole('heading', { level: 1, name: 'Accueil' }).waitFor();
    await page.getByRole('heading', { name: 'Bienvenue, Camille Martin' }).waitFor();
    expect(await page.getByTestId('learner-code').textContent()).toContain('PGS0000001');
    for (const heading of ['Mon inscription', 'Mes choix', 'Mes résultats', 'Mes documents']) {
      await page.getByRole('heading', { level: 2, name: heading }).first().waitFor();
    }
    // Enrolment's service lists her enrolments (none in the sandbox) and replaces the shell's "coming soon" card.
    await page.getByTestId('my-enrolments').getByText('Vous n’avez aucune inscription en cours.').waitFor();
    expect(await page.getByRole('heading', { level: 2, name: 'Mon inscription' }).count()).toBe(1);
    // Registration's service replaces the « Mes choix » card.
    await page
      .getByTestId('my-courses')
      .getByRole('link', { name: /mes choix de cours$/ })
      .waitFor();
    // Assessment's service replaces the « Mes résultats » card.
    await page.getByTestId('my-results-card').getByText('Aucun résultat publié pour l’instant.').waitFor();
    expect(await page.getByText('Bientôt disponible').count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await h.expectAccessible(page, 'web-student-home-phone');

    // The menu offers the home and her course choices.
    await page.getByRole('button', { name: 'Ouvrir le menu de navigation' }).click();
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await nav.waitFor();
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Accueil', 'Mes choix de cours', 'Mes résultats']);
    await h.expectAccessible(page, 'web-student-menu-phone');
    await page.keyboard.press('Escape');

    // A staff page is not for them.
    await page.goto(`${h.base}/structures`);
    await page.getByRole('heading', { level: 1, name: 'Accueil' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await context.close();
  });
});

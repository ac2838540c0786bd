import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { chromiumPath } from '@pegase/platform/testing';
import { startWebHarness, type WebHarness } from './harness.ts';

/**
 * The maquette editor in Chromium, over the sandbox: staff build a small
 * formation from scratch in the newer academic year (a UE with two ECs and an
 * option grouping whose second option is shared from another UE), meet the
 * consistency report, fix it and validate; a teacher reads the same
 * formation without any edit control, on a desktop and on a phone. The
 * curriculum's own demo maquettes are not used: every code here is TEST-….
 */
const YEAR = 'Année universitaire 2026-2027';

describe.skipIf(chromiumPath() === undefined)('the maquette editor, in Chromium', () => {
  let h: WebHarness;

  beforeAll(async () => {
    h = await startWebHarness();
  }, 180_000);

  afterAll(async () => h?.close());

  /** The formations of the newer academic year, from the menu. */
  async function openFormations(page: Page) {
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Offre de formation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Offre de formation' }).waitFor();
    await page.getByRole('combobox', { name: 'Année universitaire' }).click();
    await page.getByRole('option', { name: YEAR }).click();
    await page.locator('caption', { hasText: 'Formations de l’année 2026-2027' }).waitFor();
  }

  const tree = (page: Page) => page.getByRole('tree', { name: 'Arborescence de la formation TEST-LIC' });
  /** The tree items of an object: one per path. */
  const items = (page: Page, code: string): Locator => tree(page).getByRole('treeitem', { name: new RegExp(`^${code} —`) });
  const details = (page: Page, code: string) => page.getByRole('heading', { level: 2, name: `Détails de ${code}` }).waitFor();
  const notice = (page: Page) => page.getByTestId('notice').textContent();

  async function select(page: Page, code: string, index = 0) {
    await items(page, code).nth(index).locator('.MuiTreeItem-content').first().click();
    await details(page, code);
  }

  /** Adds a child to the selected object, which then becomes the selected one. */
  async function addChild(page: Page, parent: string, child: { code: string; kind: string; label: string; ects?: string }) {
    await page.getByRole('button', { name: 'Ajouter un élément' }).click();
    await page.getByRole('heading', { level: 3, name: `Ajouter un élément sous ${parent}` }).waitFor();
    await page.locator('#child-code').fill(child.code);
    await page.locator('#child-type').click();
    await page.getByRole('option', { name: child.kind, exact: true }).click();
    await page.locator('#child-label-fr').fill(child.label);
    if (child.ects) await page.locator('#child-ects').fill(child.ects);
    await page.getByRole('button', { name: 'Créer', exact: true }).click();
    await details(page, child.code);
    expect(await notice(page)).toBe(`${child.code} a été ajouté sous ${parent}.`);
  }

  /** The codes of the tree in reading order, every level open. */
  const treeCodes = async (page: Page) => (await tree(page).locator('.MuiTreeItem-content strong').allTextContents()).join(',');
  const BUILT = 'TEST-LIC,TEST-L1,TEST-S1,TEST-UE1,TEST-EC1,TEST-EC2,TEST-OPT,TEST-OPT-A,TEST-EC3,TEST-UE2,TEST-EC3';

  it('lets staff build a formation from scratch, fix its consistency report and validate it, and a teacher read it', async () => {
    const started = Date.now();
    const context = await h.browser.newContext({ locale: 'fr-FR', bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await h.logIn(page, 'staff', 'staff-sandbox');
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    expect(await nav.getByRole('link').allTextContents()).toContain('Offre de formation');

    // The formations of the year: none of ours yet.
    await openFormations(page);
    await page.getByLabel('Rechercher (code ou libellé)').fill('TEST-LIC');
    await page.getByText('Aucune ligne ne correspond.').waitFor();
    await h.expectAccessible(page, 'web-curriculum-formations');

    // A new formation: its errors, then its owner chosen among the structures.
    await page.getByRole('link', { name: 'Nouvelle formation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nouvelle formation' }).waitFor();
    expect(await page.getByTestId('new-formation-period').textContent()).toBe('Année universitaire 2026-2027');
    await page.getByRole('button', { name: 'Créer', exact: true }).click();
    await page.getByText('Le formulaire contient 3 erreurs : corrigez les champs signalés.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('formation-code');
    await page.locator('#formation-code').fill('TEST-LIC');
    await page.locator('#formation-label-fr').fill('Licence test informatique');
    await page.locator('#formation-label-en').fill('Test BSc in Computer Science');
    await page.locator('#formation-owner').fill('SCI-INFO');
    await page.getByRole('option', { name: /^SCI-INFO — / }).click();
    await page.locator('#formation-ects').fill('180');
    await h.expectAccessible(page, 'web-curriculum-new-formation');
    await page.getByRole('button', { name: 'Créer', exact: true }).click();

    // Its maquette: the formation alone, then built level by level.
    await page.getByRole('heading', { level: 1, name: 'TEST-LIC — Licence test informatique' }).waitFor();
    expect(await notice(page)).toBe('Formation créée : ajoutez ses années, semestres et enseignements.');
    await details(page, 'TEST-LIC');
    expect(await page.getByTestId('detail-ects').textContent()).toBe('180');
    await addChild(page, 'TEST-LIC', { code: 'TEST-L1', kind: 'Année', label: 'Première année' });
    await addChild(page, 'TEST-L1', { code: 'TEST-S1', kind: 'Semestre', label: 'Semestre 1', ects: '30' });
    await addChild(page, 'TEST-S1', { code: 'TEST-UE1', kind: 'Unité d’enseignement', label: 'Programmation' });
    await addChild(page, 'TEST-UE1', { code: 'TEST-EC1', kind: 'Élément constitutif', label: 'Algorithmique', ects: '3' });
    await select(page, 'TEST-UE1');

    // A code already used in the year: the API's error lands beside the field.
    await page.getByRole('button', { name: 'Ajouter un élément' }).click();
    await page.locator('#child-code').fill('TEST-EC1');
    await page.locator('#child-type').click();
    await page.getByRole('option', { name: 'Élément constitutif', exact: true }).click();
    await page.locator('#child-label-fr').fill('Programmation objet');
    await page.getByRole('button', { name: 'Créer', exact: true }).click();
    await expect.poll(() => page.locator('#child-code-helper-text').textContent()).toBe('Cette valeur est déjà utilisée.');
    await h.expectAccessible(page, 'web-curriculum-add-child-duplicate');
    await page.locator('#child-code').fill('TEST-EC2');
    await page.locator('#child-ects').fill('3');
    await page.getByRole('button', { name: 'Créer', exact: true }).click();
    await details(page, 'TEST-EC2');

    // The option grouping, its first option, and another UE whose EC becomes the second option.
    await select(page, 'TEST-UE1');
    await addChild(page, 'TEST-UE1', { code: 'TEST-OPT', kind: 'Regroupement', label: 'Option (une au choix)' });
    await addChild(page, 'TEST-OPT', { code: 'TEST-OPT-A', kind: 'Élément constitutif', label: 'Anglais', ects: '3' });
    await select(page, 'TEST-S1');
    await addChild(page, 'TEST-S1', { code: 'TEST-UE2', kind: 'Unité d’enseignement', label: 'Mathématiques' });
    await addChild(page, 'TEST-UE2', { code: 'TEST-EC3', kind: 'Élément constitutif', label: 'Statistiques', ects: '3' });
    await select(page, 'TEST-OPT');
    await page.getByRole('button', { name: 'Partager un élément existant' }).click();
    await page.locator('#share-object').fill('TEST-EC3');
    await page.getByRole('option', { name: /^TEST-EC3 — Statistiques/ }).click();
    await page.getByRole('button', { name: 'Partager', exact: true }).click();
    await details(page, 'TEST-EC3');
    expect(await notice(page)).toBe('TEST-EC3 est maintenant aussi sous TEST-OPT.');

    // Shared: two items in the tree, each marked, and both paths in the details.
    await expect.poll(() => items(page, 'TEST-EC3').count()).toBe(2);
    for (const item of await items(page, 'TEST-EC3').all()) expect(await item.locator('.MuiTreeItem-content').first().textContent()).toContain('partagé');
    expect(await page.getByTestId('detail-paths').locator('li').allTextContents()).toEqual([
      'TEST-LIC › TEST-L1 › TEST-S1 › TEST-UE1 › TEST-OPT › TEST-EC3',
      'TEST-LIC › TEST-L1 › TEST-S1 › TEST-UE2 › TEST-EC3',
    ]);
    expect(await treeCodes(page)).toBe(BUILT);

    // Moved up and back among its siblings.
    await select(page, 'TEST-EC2');
    await page.getByRole('button', { name: 'Monter' }).click();
    await expect.poll(() => treeCodes(page)).toBe(BUILT.replace('TEST-EC1,TEST-EC2', 'TEST-EC2,TEST-EC1'));
    expect(await page.getByRole('button', { name: 'Monter' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Descendre' }).click();
    await expect.poll(() => treeCodes(page)).toBe(BUILT);

    // The report: the grouping has no range, and the validation is refused for it.
    const report = page.getByTestId('report');
    await expect
      .poll(() => report.getByTestId('finding').allTextContents())
      .toEqual([
        'ErreurTEST-LIC › TEST-L1 › TEST-S1 › TEST-UE1 › TEST-OPTLe regroupement TEST-OPT n’a pas de choix défini : indiquez combien d’éléments un étudiant choisit.',
      ]);
    await h.expectAccessible(page, 'web-curriculum-maquette');
    await page.getByRole('button', { name: 'Valider la formation' }).click();
    const refused = page.getByTestId('validation-refused');
    await refused.waitFor();
    expect(await refused.getByText('La formation ne peut pas être validée : 1 erreur(s) à corriger.').count()).toBe(1);
    await h.expectAccessible(page, 'web-curriculum-validation-refused');

    // The finding leads to the grouping; its range, first refused by the API, then fixed.
    await refused.getByRole('button', { name: /TEST-OPT$/ }).click();
    await details(page, 'TEST-OPT');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.startsWith('TEST-OPT —'))).toBe(true);
    expect(await page.getByTestId('detail-choice').textContent()).toBe('Non défini');
    await page.getByRole('button', { name: 'Modifier', exact: true }).click();
    await page.getByRole('heading', { level: 3, name: 'Modifier TEST-OPT' }).waitFor();
    await page.getByLabel('Nombre minimum à choisir').fill('2');
    await page.getByLabel('Nombre maximum à choisir').fill('1');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => page.locator('#object-choice-min-helper-text').textContent()).toBe('Le minimum ne peut dépasser le maximum.');
    await h.expectAccessible(page, 'web-curriculum-object-form-errors');
    await page.getByLabel('Nombre minimum à choisir').fill('1');
    await page.getByLabel('Heures de CM').fill('12');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => notice(page)).toBe('Les modifications de TEST-OPT sont enregistrées.');
    expect(await page.getByTestId('detail-choice').textContent()).toBe('de 1 à 1');
    await expect.poll(() => report.getByTestId('report-summary').textContent()).toBe('Aucune anomalie : la formation peut être validée.');
    await expect.poll(() => page.getByTestId('history-entry').count()).toBe(3);
    // Newest first; the creation and the placement under the UE share one instant.
    const history = await page.getByTestId('history-entry').allTextContents();
    expect(history[0]).toContain('Choix : (vide) → de 1 à 1');
    expect(history[0]).toContain('Heures : (vide) → CM : 12 h');
    expect(history.slice(1).join('\n')).toContain('Rattachement : (vide) → sous TEST-UE1 (rang 3)');
    expect(history.slice(1).join('\n')).toContain('Création');

    // Meanwhile a teacher reads the draft: the same tree and details, no edit control.
    const teacherContext = await h.browser.newContext({ locale: 'fr-FR', bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const teacher = await teacherContext.newPage();
    await h.logIn(teacher, 'teacher', 'teacher-sandbox');
    expect(await teacher.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link').allTextContents()).toEqual([
      'Accueil',
      'Offre de formation',
      'Groupes et listes',
      'Saisie des notes',
    ]);
    await openFormations(teacher);
    expect(await teacher.getByRole('link', { name: 'Nouvelle formation' }).count()).toBe(0);
    await teacher.getByLabel('Rechercher (code ou libellé)').fill('TEST-LIC');
    await teacher.getByRole('link', { name: 'TEST-LIC' }).click();
    await teacher.getByRole('heading', { level: 1, name: 'TEST-LIC — Licence test informatique' }).waitFor();
    await teacher.getByTestId('read-only').waitFor();
    await select(teacher, 'TEST-EC3', 1);
    expect(await teacher.getByTestId('detail-paths').locator('li').count()).toBe(2);
    expect(await teacher.getByTestId('object-actions').count()).toBe(0);
    for (const name of ['Modifier', 'Ajouter un élément', 'Partager un élément existant', 'Monter', 'Valider la formation']) {
      expect(await teacher.getByRole('button', { name, exact: true }).count(), name).toBe(0);
    }
    await h.expectAccessible(teacher, 'web-curriculum-teacher-draft');

    // Validated: frozen, its status shown, the edit controls gone.
    await page.getByRole('button', { name: 'Valider la formation' }).click();
    await expect.poll(() => notice(page)).toBe('La formation TEST-LIC est validée : elle est figée et publiée pour les inscriptions.');
    await expect.poll(() => page.getByTestId('formation-status').textContent()).toBe('Statut :Validé');
    expect(await page.getByRole('button', { name: 'Valider la formation' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Modifier', exact: true }).count()).toBe(0);
    await page.getByText('Cet élément est validé : il est figé pour les inscriptions et les choix pédagogiques.').waitFor();
    await h.expectAccessible(page, 'web-curriculum-validated');
    await openFormations(page);
    await page.getByLabel('Rechercher (code ou libellé)').fill('TEST-LIC');
    await expect.poll(() => page.locator('tbody tr').first().getByTestId('status-chip').textContent()).toBe('Validé');
    await context.close();

    // The teacher sees it validated; a staff page stays closed to them.
    await teacher.reload();
    await expect.poll(() => teacher.getByTestId('formation-status').textContent()).toBe('Statut :Validé');
    await teacher.goto(`${h.base}/curriculum/new`);
    await teacher.getByRole('heading', { level: 1, name: 'Accueil' }).waitFor();
    await teacherContext.close();

    // On a phone the panels stack, without a horizontal scroll.
    const phoneContext = await h.browser.newContext({
      locale: 'fr-FR',
      bypassCSP: true,
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const phone = await phoneContext.newPage();
    await h.logIn(phone, 'teacher', 'teacher-sandbox');
    await phone.getByRole('button', { name: 'Ouvrir le menu de navigation' }).click();
    await openFormations(phone);
    await phone.getByLabel('Rechercher (code ou libellé)').fill('TEST-LIC');
    await phone.getByRole('link', { name: 'TEST-LIC' }).click();
    await phone.getByRole('heading', { level: 1, name: 'TEST-LIC — Licence test informatique' }).waitFor();
    await select(phone, 'TEST-OPT');
    const [treeBox, detailsBox] = await Promise.all([tree(phone).boundingBox(), phone.getByTestId('details').boundingBox()]);
    expect(detailsBox!.y).toBeGreaterThan(treeBox!.y + treeBox!.height);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await h.expectAccessible(phone, 'web-curriculum-teacher-phone');
    await phoneContext.close();
    console.log(`maquette editor scenario: ${Math.round((Date.now() - started) / 1000)} s`);
  }, 300_000);
});

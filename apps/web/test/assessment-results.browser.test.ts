import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { saveLocalAccount, type TokenClaims } from '@pegase/platform';
import { chromiumPath } from '@pegase/platform/testing';
import { sandboxOffer, startWebHarness, validatedLearner, type WebHarness } from './harness.ts';

/**
 * Marks, jury and results in Chromium, over the sandbox. Made through the
 * APIs as an admin: a formation of SCI-INFO in 2026-2027 (TEST-COC) whose
 * year is an enrolment point holding a UE and its EC « Algorithmique »,
 * validated; three learners with validated enrolments there (fees waived);
 * the sandbox's teacher assigned to the EC, which has an exam (session 1).
 * Alice has an account.
 *
 * The teacher finds the exam on their home (learners and marks entered),
 * opens it from there, then from « Saisie des notes » under their
 * teaching, and types the marks with the keyboard: « 14,5 » Enter saves
 * Alice's row and moves to Bruno's; « 21 » is refused on its row and
 * stays; « 8 » then « abi » on Clara's row, saved together with « Tout
 * enregistrer »; the history of Alice's mark. Staff set the EC's teachers
 * (a login with a space refused on its line), create a resit (a
 * wrong code refused beside its field) and lock the exam's sheet (read
 * only then), set the EC's rule (a coefficient of 0 refused beside its
 * field), export the MCC and freeze them, open the formation's jury and see
 * its provisional results, give
 * Bruno's year two jury points (25 refused first) that take it to a pass,
 * deliberate and publish (each asked once more). Alice, on a phone, sees
 * her published result (Admis, the tree explained) and downloads her
 * transcript as a PDF, in French then in English. Axe on each state.
 */
const PATHS = { algo: 'TEST-COC>TEST-COC-L1>TEST-COC-UE>TEST-COC-ALGO' };
const FORMATION = 'TEST-COC — Licence de test des notes';
const PASSWORD = 'alice-results-sandbox';
const staffClaims: TokenClaims = { subject: 'test-staff', login: 'staff', roles: ['staff'], structureCodes: ['UFR-SCI'] };

interface Sheet {
  assessment: { locked: unknown };
  lines: { enrolmentId: string; learnerCode: string; familyName: string; mark: string | null }[];
}

describe.skipIf(chromiumPath() === undefined)('marks, juries and results, in Chromium', () => {
  let h: WebHarness;
  let periodId = '';
  let formationId = '';
  let examId = '';
  let algoId = '';
  const learners: { code: string; enrolmentId: string; name: string }[] = [];

  const sheet = () => h.call<Sheet>('GET', `/api/assessment/v1/assessments/${examId}/sheet`, undefined, staffClaims);

  beforeAll(async () => {
    h = await startWebHarness();
    const offer = await sandboxOffer(h);
    periodId = offer.periodId;
    const { object } = offer;
    const formation = await object('TEST-COC', 'formation', { fr: 'Licence de test des notes', en: 'Marks test bachelor' }, null);
    formationId = formation.id;
    const point = await object('TEST-COC-L1', 'year', { fr: 'Licence de test des notes, 1re année', en: 'Marks test bachelor, year 1' }, formation.id, {
      enrolmentPoint: true,
      ects: 6,
    });
    const ue = await object('TEST-COC-UE', 'ue', { fr: 'Fondamentaux', en: 'Foundations' }, point.id, { ects: 6 });
    const algo = await object('TEST-COC-ALGO', 'ec', { fr: 'Algorithmique', en: 'Algorithms' }, ue.id, { ects: 6 });
    await h.call('POST', `/api/curriculum/v1/objects/${formation.id}/validate`);
    await h.runtime.dispatcher.drain();

    for (const [familyName, givenNames] of [
      ['Arnaud', 'Alice'],
      ['Bertin', 'Bruno'],
      ['Chevalier', 'Clara'],
    ] as const) {
      learners.push(await validatedLearner(h, point.id, familyName, givenNames));
    }
    await h.runtime.dispatcher.drain();
    await saveLocalAccount(h.runtime.database.db, {
      login: 'alice.coc',
      password: PASSWORD,
      displayName: 'Alice Arnaud',
      roles: ['student'],
      learnerCode: learners[0]!.code,
    });

    // The teacher of the sandbox teaches the EC; its exam of session 1.
    algoId = algo.id;
    await h.call('PUT', `/api/assessment/v1/objects/${algo.id}/teachers`, { teachers: ['teacher'] }, staffClaims);
    examId = (
      await h.call('POST', '/api/assessment/v1/assessments', { periodId, path: PATHS.algo, session: 1, code: 'EXAM', label: 'Examen final' }, staffClaims)
    ).id;
    expect((await sheet()).lines.map((line) => line.familyName)).toEqual(['Arnaud', 'Bertin', 'Chevalier']);
  }, 180_000);

  afterAll(async () => h?.close());

  const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
  const row = (page: Page, index: number) => page.getByTestId('sheet-row').nth(index);
  const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  it('lets a teacher enter marks with the keyboard, staff deliberate and publish, and the student read her results and download her transcript', async () => {
    let teacherContext: BrowserContext | undefined;
    let staffContext: BrowserContext | undefined;
    let phoneContext: BrowserContext | undefined;
    try {
      // The teacher: from the menu to the exam of the EC they teach.
      teacherContext = await h.browser.newContext({ locale: 'fr-FR', bypassCSP: true, viewport: { width: 1280, height: 900 } });
      const teacher = await teacherContext.newPage();
      await h.logIn(teacher, 'teacher', 'teacher-sandbox');
      // Their home lists what they teach, each sheet with its learners and marks entered, a link to it.
      const taught = teacher.getByTestId('my-teaching-card').getByTestId('taught-element').filter({ hasText: 'TEST-COC-ALGO' });
      await taught.getByRole('heading', { level: 3, name: 'TEST-COC-ALGO — Algorithmique' }).waitFor();
      expect(await taught.getByText('3 apprenants · Notes saisies : 0 sur 3').count()).toBe(1);
      expect(await teacher.getByText('Bientôt disponible').count()).toBe(0);
      await h.expectAccessible(teacher, 'web-teacher-home-teaching');
      await taught.getByRole('link', { name: 'EXAM — Examen final (session 1)' }).click();
      await teacher.getByRole('heading', { level: 2, name: 'Feuille de notes : EXAM — Examen final (session 1)' }).waitFor();
      expect(new URL(teacher.url()).searchParams.get('assessment')).toBe(examId);
      await teacher.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Accueil' }).click();
      await teacher.getByRole('heading', { level: 1, name: 'Accueil' }).waitFor();
      await teacher.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Saisie des notes' }).click();
      await teacher.getByRole('heading', { level: 1, name: 'Saisie des notes' }).waitFor();
      expect(await teacher.title()).toBe('Saisie des notes — Pégase');
      await teacher.getByRole('heading', { level: 3, name: 'TEST-COC-ALGO — Algorithmique' }).waitFor();
      await h.expectAccessible(teacher, 'web-marks-teaching');
      await teacher
        .getByRole('region', { name: 'TEST-COC-ALGO — Algorithmique' })
        .getByRole('button', { name: /EXAM — Examen final \(session 1\)/ })
        .click();
      await teacher.getByRole('heading', { level: 2, name: 'Feuille de notes : EXAM — Examen final (session 1)' }).waitFor();
      expect(await teacher.getByTestId('sheet-scale').textContent()).toBe('Notes sur 20 · coefficient 1');
      await expect.poll(() => teacher.getByTestId('sheet-row').count()).toBe(3);
      await h.expectAccessible(teacher, 'web-marks-sheet');

      // « 14,5 » Enter: Alice's mark is saved, the focus on Bruno's row.
      const alice = teacher.getByLabel(`Note de ${learners[0]!.name} sur 20`);
      await alice.focus();
      await teacher.keyboard.type('14,5');
      await teacher.keyboard.press('Enter');
      await teacher.getByTestId('sheet-notice').getByText(`Note de ${learners[0]!.name} enregistrée.`).waitFor();
      expect(await focusedId(teacher)).toBe('mark-1');
      expect(await row(teacher, 0).getByTestId('row-state').textContent()).toBe('Enregistrée');
      expect((await sheet()).lines[0]!.mark).toBe('14.500');

      // « 21 »: refused on its row, the focus stays; « 8 » then ↓ and « abi », saved together.
      await teacher.keyboard.type('21');
      await teacher.keyboard.press('Enter');
      await row(teacher, 1).getByText('La note ne peut pas dépasser 20.').waitFor();
      expect(await focusedId(teacher)).toBe('mark-1');
      expect(await teacher.getByLabel(`Note de ${learners[1]!.name} sur 20`).getAttribute('aria-invalid')).toBe('true');
      await h.expectAccessible(teacher, 'web-marks-row-error');
      await teacher.keyboard.press('Control+A');
      await teacher.keyboard.type('8');
      await teacher.keyboard.press('ArrowDown');
      expect(await focusedId(teacher)).toBe('mark-2');
      await teacher.keyboard.type('abi');
      expect(await row(teacher, 1).getByTestId('row-state').textContent()).toBe('Non enregistrée');
      await teacher.getByRole('button', { name: 'Tout enregistrer (2 modifications)' }).click();
      await teacher.getByTestId('sheet-notice').getByText('2 notes enregistrées.').waitFor();
      expect((await sheet()).lines.map((line) => line.mark)).toEqual(['14.500', '8.000', 'ABI']);
      expect(await teacher.getByLabel(`Note de ${learners[2]!.name} sur 20`).inputValue()).toBe('ABI');
      await h.expectAccessible(teacher, 'web-marks-saved');

      // The history of Alice's mark: none before, 14,5 after, by the teacher.
      await teacher.getByRole('button', { name: `Historique de la note de ${learners[0]!.name}` }).click();
      const history = teacher.getByRole('dialog', { name: `Historique de la note de ${learners[0]!.name}` });
      await history.getByTestId('mark-history').waitFor();
      const cells = await history.locator('tbody tr').first().locator('td').allTextContents();
      expect(cells.slice(1, 4)).toEqual(['teacher', 'aucune', '14,5']);
      await h.expectAccessible(teacher, 'web-marks-history');
      await history.getByRole('button', { name: 'Fermer' }).click();
      await history.waitFor({ state: 'detached' });
      // A teacher neither locks sheets nor creates assessments.
      expect(await teacher.getByRole('button', { name: 'Verrouiller la feuille' }).count()).toBe(0);

      // Staff: the formation's jury, its provisional results, deliberation and publication.
      staffContext = await h.browser.newContext({ locale: 'fr-FR', bypassCSP: true, acceptDownloads: true, viewport: { width: 1280, height: 900 } });
      const staff = await staffContext.newPage();
      await h.logIn(staff, 'staff', 'staff-sandbox');
      const menu = staff.getByRole('navigation', { name: 'Navigation principale' });

      // The sheets from staff's side: a resit created (a wrong code said first), the exam locked, then read only.
      await menu.getByRole('link', { name: 'Saisie des notes' }).click();
      await staff.getByRole('heading', { level: 1, name: 'Saisie des notes' }).waitFor();
      await staff.getByLabel('Année universitaire').selectOption({ label: 'Année universitaire 2026-2027' });
      await expect.poll(() => staff.getByLabel('Formation').locator('option', { hasText: FORMATION }).count()).toBe(1);
      await staff.getByLabel('Formation').selectOption({ label: FORMATION });
      await expect.poll(() => staff.getByLabel('Élément évalué').locator('option', { hasText: 'TEST-COC-ALGO — Algorithmique' }).count()).toBe(1);
      await staff.getByLabel('Élément évalué').selectOption({ label: 'TEST-COC-ALGO — Algorithmique' });
      // The EC's teachers: a login with a space refused on its line, then a second teacher added from the keyboard.
      const teachers = staff.getByTestId('element-teachers');
      await teachers.getByRole('heading', { level: 2, name: 'Enseignants de TEST-COC-ALGO — Algorithmique' }).waitFor();
      const logins = teachers.getByLabel('Identifiants des enseignants (un par ligne)');
      await expect.poll(() => logins.inputValue()).toBe('teacher');
      expect(await teachers.getByTestId('teacher-list').locator('li').allTextContents()).toEqual([expect.stringMatching(/^teacher affecté par staff le /)]);
      await logins.fill('teacher\nMarie Durand');
      await teachers.getByRole('button', { name: 'Enregistrer les enseignants' }).click();
      await teachers.getByText('Ligne 2 : « Marie Durand » n’est pas un identifiant', { exact: false }).first().waitFor();
      expect(await logins.getAttribute('aria-invalid')).toBe('true');
      await h.expectAccessible(staff, 'web-marks-teachers-error');
      await logins.fill('teacher\nm.durand');
      await staff.keyboard.press('Tab');
      await staff.keyboard.press('Enter');
      await staff
        .getByTestId('teachers-notice')
        .getByText(/^Enseignants de TEST-COC-ALGO — Algorithmique enregistrés : /)
        .waitFor();
      type Teachers = { teachers: { teacher: string }[] };
      const assigned = await h.call<Teachers>('GET', `/api/assessment/v1/objects/${algoId}/teachers`, undefined, staffClaims);
      expect(assigned.teachers.map((item) => item.teacher).sort()).toEqual(['m.durand', 'teacher']);
      await expect.poll(() => teachers.getByTestId('teacher-list').locator('li').count()).toBe(2);
      await h.expectAccessible(staff, 'web-marks-teachers');
      await staff.getByRole('button', { name: 'Nouvelle épreuve' }).click();
      const create = staff.getByRole('dialog', { name: 'Nouvelle épreuve de TEST-COC-ALGO — Algorithmique' });
      await create.getByLabel('Session').selectOption('2');
      await create.getByLabel('Code').fill('ratt 1');
      expect(await create.getByLabel('Code').inputValue()).toBe('RATT 1');
      await create.getByLabel('Libellé').fill('Rattrapage');
      await create.getByRole('button', { name: 'Créer l’épreuve' }).click();
      await create.getByText('Le code s’écrit en majuscules, chiffres et tirets (40 caractères au plus), par exemple CC1.').first().waitFor();
      await h.expectAccessible(staff, 'web-marks-create-error');
      await create.getByLabel('Code').fill('RATT');
      await create.getByRole('button', { name: 'Créer l’épreuve' }).click();
      await create.waitFor({ state: 'detached' });
      await staff.getByRole('heading', { level: 2, name: 'Feuille de notes : RATT — Rattrapage (session 2)' }).waitFor();
      await staff.getByRole('heading', { level: 3, name: 'Session 2' }).waitFor();
      await staff.getByRole('button', { name: /EXAM — Examen final/ }).click();
      await staff.getByRole('heading', { level: 2, name: 'Feuille de notes : EXAM — Examen final (session 1)' }).waitFor();
      await expect.poll(() => staff.getByTestId('sheet-row').count()).toBe(3);
      await staff.getByRole('button', { name: 'Verrouiller la feuille' }).click();
      await staff.getByTestId('sheet-locked').waitFor();
      expect(await staff.getByLabel(`Note de ${learners[0]!.name} sur 20`).getAttribute('readonly')).not.toBeNull();
      expect(await staff.getByRole('button', { name: /^Tout enregistrer/ }).count()).toBe(0);
      expect((await sheet()).assessment.locked).not.toBeNull();
      await h.expectAccessible(staff, 'web-marks-locked');

      // The rules of the formation's paths: the EC's coefficient, refused at 0, then 2.
      await menu.getByRole('link', { name: 'Modalités de contrôle' }).click();
      await staff.getByRole('heading', { level: 1, name: 'Modalités de contrôle' }).waitFor();
      await staff.getByLabel('Année universitaire').selectOption({ label: 'Année universitaire 2026-2027' });
      await expect.poll(() => staff.getByLabel('Formation').locator('option', { hasText: FORMATION }).count()).toBe(1);
      await staff.getByLabel('Formation').selectOption({ label: FORMATION });
      await expect.poll(() => staff.getByTestId('rule-row').count()).toBe(4);
      const algoRule = staff.locator(`[data-testid="rule-row"][data-path="${PATHS.algo}"]`);
      expect((await algoRule.locator('td').allTextContents()).slice(0, 3)).toEqual(['1', '10', '6']);
      await h.expectAccessible(staff, 'web-rules');
      await algoRule.getByRole('button', { name: 'Modifier les règles de TEST-COC-ALGO — Algorithmique' }).click();
      const ruleDialog = staff.getByRole('dialog', { name: 'Règles de TEST-COC-ALGO — Algorithmique' });
      await ruleDialog.getByLabel('Coefficient').fill('0');
      await ruleDialog.getByRole('button', { name: 'Enregistrer' }).click();
      await ruleDialog.getByText('Saisissez un coefficient au-dessus de 0 avec au plus 3 décimales.').first().waitFor();
      expect(await ruleDialog.getByLabel('Coefficient').getAttribute('aria-invalid')).toBe('true');
      await h.expectAccessible(staff, 'web-rules-error');
      await ruleDialog.getByLabel('Coefficient').fill('2');
      await ruleDialog.getByRole('button', { name: 'Enregistrer' }).click();
      await staff.getByTestId('rules-notice').getByText('Règles de TEST-COC-ALGO — Algorithmique enregistrées.').waitFor();
      expect((await algoRule.locator('td').allTextContents())[0]).toBe('2');
      expect(await algoRule.getByText('Enregistrée').count()).toBe(1);
      // The MCC as a spreadsheet, then adopted and frozen: no more « Modifier ».
      const [mcc] = await Promise.all([staff.waitForEvent('download'), staff.getByRole('button', { name: 'Exporter les MCC (XLSX)' }).click()]);
      expect(mcc.suggestedFilename()).toMatch(/\.xlsx$/);
      expect((await readFile((await mcc.path())!)).subarray(0, 2).toString('latin1')).toBe('PK');
      await staff.getByRole('button', { name: 'Figer les MCC adoptées' }).click();
      await staff.getByRole('dialog', { name: 'Figer les MCC ?' }).getByRole('button', { name: 'Figer' }).click();
      await staff.getByTestId('rules-frozen').waitFor();
      await expect.poll(() => staff.getByRole('button', { name: /^Modifier les règles de/ }).count()).toBe(0);
      expect(await staff.getByRole('button', { name: 'Importer les MCC (XLSX ou CSV)' }).count()).toBe(0);
      await h.expectAccessible(staff, 'web-rules-frozen');

      await menu.getByRole('link', { name: 'Jurys' }).click();
      await staff.getByRole('heading', { level: 1, name: 'Jurys' }).waitFor();
      await staff.getByLabel('Année universitaire').selectOption({ label: 'Année universitaire 2026-2027' });
      await expect.poll(() => staff.getByLabel('Formation').locator('option', { hasText: FORMATION }).count()).toBe(1);
      await staff.getByLabel('Formation').selectOption({ label: FORMATION });
      await staff.getByText('Aucun jury n’est encore ouvert pour cette formation.').waitFor();
      await h.expectAccessible(staff, 'web-juries-none');
      await staff.getByRole('button', { name: 'Ouvrir le jury' }).click();
      const panel = staff.getByTestId('jury-panel');
      await panel.getByRole('heading', { level: 2, name: 'Jury de session 1' }).waitFor();
      expect(new URL(staff.url()).searchParams.get('formation')).toBe(formationId);
      const results = panel.getByRole('region', { name: 'Résultats provisoires, session 1' }).locator('tbody tr');
      await expect.poll(() => results.count()).toBe(3);
      expect(await results.first().locator('td').allTextContents()).toEqual(expect.arrayContaining(['1', learners[0]!.code, '14,5', 'ADM']));
      await h.expectAccessible(staff, 'web-jury-open');

      // Alice's tree, explained.
      await panel.getByRole('button', { name: `Détail et points de ${learners[0]!.name}` }).click();
      const detail = staff.getByRole('dialog', { name: `Résultats de ${learners[0]!.name} (${learners[0]!.code})` });
      await detail.getByTestId('result-tree').waitFor();
      await detail.getByText('Pourquoi ?').first().click();
      await detail.getByText('Validé : 14,5 atteint le seuil de 10.').first().waitFor();
      await h.expectAccessible(staff, 'web-jury-learner');
      await detail.getByRole('button', { name: 'Fermer' }).click();
      await detail.waitFor({ state: 'detached' });

      // Two jury points on Bruno's year: 8 + 2 reaches the pass mark.
      await panel.getByRole('button', { name: `Détail et points de ${learners[1]!.name}` }).click();
      const bruno = staff.getByRole('dialog', { name: `Résultats de ${learners[1]!.name} (${learners[1]!.code})` });
      const year = bruno.locator('[data-testid="result-node"][data-path="TEST-COC>TEST-COC-L1"]');
      expect(await year.getAttribute('data-decision')).toBe('AJ');
      await year.getByRole('button', { name: 'Points de jury sur TEST-COC-L1' }).first().click();
      await bruno.getByLabel('Points ajoutés').fill('25');
      await bruno.getByRole('button', { name: 'Enregistrer les points' }).click();
      await bruno.getByText('Saisissez des points de 0 à 20 avec au plus 3 décimales.').waitFor();
      await bruno.getByLabel('Points ajoutés').fill('2');
      await bruno.getByRole('button', { name: 'Enregistrer les points' }).click();
      await bruno.getByTestId('points-notice').getByText('Points enregistrés sur TEST-COC-L1 : 2.').waitFor();
      await expect.poll(() => year.getAttribute('data-decision')).toBe('ADM');
      expect(await year.getByTestId('node-points').first().textContent()).toBe('+2 points de jury');
      await h.expectAccessible(staff, 'web-jury-points');
      await bruno.getByRole('button', { name: 'Fermer' }).click();
      await bruno.waitFor({ state: 'detached' });
      await expect.poll(() => results.nth(1).locator('td').nth(4).textContent()).toBe('ADM');

      await panel.getByRole('button', { name: 'Délibérer' }).click();
      const deliberate = staff.getByRole('dialog', { name: 'Délibérer ?' });
      await h.expectAccessible(staff, 'web-jury-confirm');
      await deliberate.getByRole('button', { name: 'Délibérer' }).click();
      await panel.getByTestId('jury-notice').getByText('Le jury a délibéré : 3 résultats enregistrés et figés.').waitFor();
      expect(await panel.getByTestId('jury-status').textContent()).toBe('Délibéré');
      await expect.poll(() => panel.getByRole('region', { name: 'Résultats délibérés, session 1' }).locator('tbody tr').count()).toBe(3);
      await panel.getByRole('button', { name: 'Publier les résultats' }).click();
      await staff.getByRole('dialog', { name: 'Publier les résultats ?' }).getByRole('button', { name: 'Publier' }).click();
      await panel.getByTestId('jury-notice').getByText('Résultats publiés : les étudiants les voient.').waitFor();
      expect(await panel.getByTestId('jury-status').textContent()).toBe('Publié');
      await h.expectAccessible(staff, 'web-jury-published');
      await h.runtime.dispatcher.drain();

      // Alice on a phone: her published result and her transcript.
      phoneContext = await h.browser.newContext({
        locale: 'fr-FR',
        bypassCSP: true,
        acceptDownloads: true,
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
      });
      const phone = await phoneContext.newPage();
      await h.logIn(phone, 'alice.coc', PASSWORD);
      await phone.getByTestId('my-results-card').getByText('1 résultat publié.').waitFor();
      await phone.getByTestId('my-results-card').getByRole('link', { name: 'Voir mes résultats' }).click();
      await phone.getByRole('heading', { level: 1, name: 'Mes résultats' }).waitFor();
      const mine = phone.getByTestId('my-result');
      await mine.getByRole('heading', { level: 2, name: 'Licence de test des notes, 1re année, session 1' }).waitFor();
      await mine.getByText(/^Année universitaire 2026-2027 · Publiés le /).waitFor();
      await mine.getByText('TEST-COC-ALGO — Algorithmique').waitFor();
      expect(await mine.getByTestId('my-decision').textContent()).toBe('Admis');
      expect(await mine.locator(`[data-testid="result-node"][data-path="${PATHS.algo}"] [data-testid="node-mark"]`).textContent()).toBe('14,5/20');
      expect(await noSideScroll(phone)).toBe(true);
      await h.expectAccessible(phone, 'web-my-results-phone');

      const [response, download] = await Promise.all([
        phone.waitForResponse((answer) => answer.url().includes('/api/documents/v1/me/juries/') && answer.url().includes('/transcript')),
        phone.waitForEvent('download'),
        mine.getByRole('button', { name: 'Télécharger mon relevé de notes (PDF)' }).click(),
      ]);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toContain('application/pdf');
      // The bytes handed over are the API's PDF (read from the download: the page has consumed the response's body).
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
      expect((await readFile((await download.path())!)).subarray(0, 4).toString('latin1')).toBe('%PDF');
      await mine.getByRole('button', { name: 'Télécharger mon attestation de réussite (PDF)' }).waitFor();
      await h.expectAccessible(phone, 'web-my-results-downloaded');

      // In English: the same page, the transcript asked for in English.
      await phone.getByRole('combobox', { name: 'Langue' }).click();
      await phone.getByRole('option', { name: 'English' }).click();
      await phone.getByRole('heading', { level: 1, name: 'My results' }).waitFor();
      expect(await mine.getByTestId('my-decision').textContent()).toBe('Passed');
      await mine.getByRole('heading', { level: 2, name: 'Marks test bachelor, year 1, session 1' }).waitFor();
      const [english] = await Promise.all([
        phone.waitForResponse((answer) => answer.url().includes('/transcript?lang=en')),
        mine.getByRole('button', { name: 'Download my transcript (PDF)' }).click(),
      ]);
      expect([english.status(), english.headers()['content-type']]).toEqual([200, expect.stringContaining('application/pdf')]);
      await h.expectAccessible(phone, 'web-my-results-en');
    } finally {
      await teacherContext?.close();
      await staffContext?.close();
      await phoneContext?.close();
    }
  }, 240_000);
});

import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { TokenClaims } from '@pegase/platform';
import { chromiumPath } from '@pegase/platform/testing';
import { sandboxOffer, startWebHarness, validatedLearner, type WebHarness } from './harness.ts';

/**
 * Teaching groups, class lists, exemptions, credits carried over and
 * special arrangements in Chromium, over the sandbox. Made through the APIs
 * as an admin: a formation of SCI-INFO in 2026-2027 (TEST-GRP) whose year
 * is an enrolment point holding a UE and its EC « Algorithmique »,
 * validated; five new learners with validated enrolments there (fees
 * waived), so that the EC is in each cursus.
 *
 * Staff open « Groupes et listes » from the menu, pick the year, the
 * formation and the EC, create TD1 and TD2 of two places each (a wrong
 * capacity and a code already taken on the way), split the learners evenly
 * (4 placed, 1 without a place), sort and filter the class list, try to put
 * the learner left out into a full group (409 group-full), take someone out
 * of TD2 and place them there instead, and download the CSV. A teacher of
 * SCI-INFO reads the same page on a phone, without any control to change
 * it. Staff then open a learner's cursus from the list, exempt them from
 * the EC, record the UE as acquired last year (« 14,5 ») and set their
 * special arrangements; the class list says the learner is exempted.
 * Every state is checked with axe.
 */
const staffClaims: TokenClaims = { subject: 'test-staff', login: 'staff', roles: ['staff'], structureCodes: ['UFR-SCI'] };
const PATHS = { ue: 'TEST-GRP>TEST-GRP-L1>TEST-GRP-UE', algo: 'TEST-GRP>TEST-GRP-L1>TEST-GRP-UE>TEST-GRP-ALGO' };
const ALGO = 'Algorithmique (TEST-GRP-ALGO)';
const UE = 'Fondamentaux (TEST-GRP-UE)';
const FORMATION = 'TEST-GRP — Licence de test des groupes';
const HEADER = 'Numéro;Nom;Nom d’usage;Prénoms;Chemin;Groupes;Dispensé';

interface ClassList {
  members: { enrolmentId: string; learnerCode: string; familyName: string; givenNames: string; groups: string[]; exempted: boolean }[];
}
interface Cursus {
  entries: { path: string; exemption: { reason: string } | null; carriedOver: { mark: string; fromPeriod: string } | null }[];
  arrangements: { code: string; details: string }[];
}

describe.skipIf(chromiumPath() === undefined)('teaching groups and class lists, in Chromium', () => {
  let h: WebHarness;
  let periodId = '';
  let formationId = '';
  let algoId = '';
  const learners: { code: string; enrolmentId: string; name: string }[] = [];

  const classList = () => h.call<ClassList>('GET', `/api/registration/v1/objects/${algoId}/class-list`, undefined, staffClaims);
  const cursusOf = (enrolmentId: string) => h.call<Cursus>('GET', `/api/registration/v1/enrolments/${enrolmentId}/cursus`, undefined, staffClaims);

  beforeAll(async () => {
    h = await startWebHarness();
    const offer = await sandboxOffer(h);
    periodId = offer.periodId;
    const { object } = offer;
    const formation = await object('TEST-GRP', 'formation', { fr: 'Licence de test des groupes', en: 'Groups test bachelor' }, null);
    formationId = formation.id;
    const point = await object('TEST-GRP-L1', 'year', { fr: 'Licence de test des groupes, 1re année', en: 'Groups test bachelor, year 1' }, formation.id, {
      enrolmentPoint: true,
    });
    const ue = await object('TEST-GRP-UE', 'ue', { fr: 'Fondamentaux', en: 'Foundations' }, point.id, { ects: 12 });
    algoId = (await object('TEST-GRP-ALGO', 'ec', { fr: 'Algorithmique', en: 'Algorithms' }, ue.id, { ects: 6, hours: { TD: 24 } })).id;
    await h.call('POST', `/api/curriculum/v1/objects/${formation.id}/validate`);
    await h.runtime.dispatcher.drain();

    // Five learners, validated at the point: the EC is mandatory in each cursus.
    const names: [string, string][] = [
      ['Arnaud', 'Alice'],
      ['Bertin', 'Bruno'],
      ['Chevalier', 'Clara'],
      ['Dumas', 'David'],
      ['Esnault', 'Emma'],
    ];
    for (const [familyName, givenNames] of names) learners.push(await validatedLearner(h, point.id, familyName, givenNames));
    await h.runtime.dispatcher.drain();
    expect((await classList()).members).toHaveLength(5);
  }, 180_000);

  afterAll(async () => h?.close());

  const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  const rows = (page: Page) => page.getByRole('region', { name: 'Apprenants de TEST-GRP-ALGO — Algorithmique (EC)' }).locator('tbody tr');
  const rowOf = (page: Page, code: string) => rows(page).filter({ has: page.getByRole('cell', { name: code, exact: true }) });
  const groupsOf = async (page: Page, code: string) => (await rowOf(page, code).locator('td').nth(2).textContent())?.trim();
  const membersOf = (page: Page, code: string) => page.locator(`[data-testid="group"][data-code="${code}"]`).getByTestId('group-members').textContent();
  const chooseCourse = async (page: Page) => {
    const course = page.getByLabel('Enseignement');
    await expect.poll(() => course.locator('option', { hasText: 'TEST-GRP-ALGO — Algorithmique (EC)' }).count()).toBe(1);
    const value = await course.locator('option', { hasText: 'TEST-GRP-ALGO — Algorithmique (EC)' }).getAttribute('value');
    await course.selectOption(value!);
  };

  it('lets staff create groups, split the learners evenly, place them by hand and download the class list; teachers read it', async () => {
    let deskContext: BrowserContext | undefined;
    let phoneContext: BrowserContext | undefined;
    try {
      deskContext = await h.browser.newContext({ locale: 'fr-FR', bypassCSP: true, acceptDownloads: true, viewport: { width: 1280, height: 900 } });
      const desk = await deskContext.newPage();
      await h.logIn(desk, 'staff', 'staff-sandbox');

      // From the menu: the year, the formation, the course.
      await desk.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Groupes et listes' }).click();
      await desk.getByRole('heading', { level: 1, name: 'Groupes et listes' }).waitFor();
      expect(await desk.title()).toBe('Groupes et listes — Pégase');
      await desk.getByLabel('Année universitaire').selectOption({ label: 'Année universitaire 2026-2027' });
      await expect.poll(() => desk.getByLabel('Formation').locator('option', { hasText: FORMATION }).count()).toBe(1);
      await h.expectAccessible(desk, 'web-groups-picker');
      await desk.getByLabel('Formation').selectOption({ label: FORMATION });
      await chooseCourse(desk);
      await desk.getByRole('heading', { level: 2, name: 'TEST-GRP-ALGO — Algorithmique (EC)' }).waitFor();
      const params = new URL(desk.url()).searchParams;
      expect([params.get('period'), params.get('formation'), params.get('course')]).toEqual([periodId, formationId, algoId]);
      await desk.getByText('Cet enseignement n’a encore aucun groupe.').waitFor();
      await expect.poll(() => rows(desk).count()).toBe(5);
      for (const learner of learners) expect(await groupsOf(desk, learner.code)).toBe('Aucun');
      await h.expectAccessible(desk, 'web-groups-course');

      // A new group: a wrong capacity is said beside its field, then TD1 and TD2 of two places each.
      await desk.getByLabel('Code du groupe').fill('td1');
      expect(await desk.getByLabel('Code du groupe').inputValue()).toBe('TD1');
      await desk.getByLabel('Nombre de places').fill('deux');
      await desk.getByRole('button', { name: 'Créer le groupe' }).click();
      expect(await desk.locator('#group-capacity-helper-text').textContent()).toBe('Un nombre entier de 1 à 10 000, ou rien pour ne pas limiter.');
      expect(await desk.evaluate(() => document.activeElement?.id)).toBe('group-capacity');
      await h.expectAccessible(desk, 'web-groups-create-error');
      await desk.getByLabel('Nombre de places').fill('2');
      await desk.getByRole('button', { name: 'Créer le groupe' }).click();
      await desk.getByTestId('group-notice').getByText('Groupe TD1 créé.').waitFor();
      await desk.getByLabel('Code du groupe').fill('TD1');
      await desk.getByRole('button', { name: 'Créer le groupe' }).click();
      await expect.poll(() => desk.locator('#group-code-helper-text').textContent()).toBe('Cet enseignement a déjà un groupe de ce code.');
      await desk.getByLabel('Code du groupe').fill('TD2');
      await desk.getByRole('button', { name: 'Créer le groupe' }).click();
      await desk.getByTestId('group-notice').getByText('Groupe TD2 créé.').waitFor();
      await expect.poll(() => desk.getByTestId('group').count()).toBe(2);
      expect(
        await desk
          .getByRole('table', { name: /^Groupes de TEST-GRP-ALGO/ })
          .locator('tbody tr')
          .allInnerTexts(),
      ).toEqual(['TD\tTD1\t2\t0', 'TD\tTD2\t2\t0']);
      await h.expectAccessible(desk, 'web-groups-created');

      // The even split: announced, and the focus on its report.
      await desk.getByRole('button', { name: 'Répartir équitablement les apprenants sans groupe de TD' }).click();
      const summary = desk.getByTestId('split-summary');
      await summary.waitFor();
      expect(await summary.textContent()).toBe('Répartition en TD : 4 apprenants placés, 1 sans place (les groupes sont complets).');
      expect(await desk.getByTestId('split-report').getAttribute('role')).toBe('status');
      await expect
        .poll(() => desk.evaluate(() => document.activeElement?.contains(document.querySelector('[data-testid="split-summary"]')) ?? false))
        .toBe(true);
      await expect.poll(() => membersOf(desk, 'TD1')).toBe('2');
      expect(await membersOf(desk, 'TD2')).toBe('2');
      await expect.poll(async () => (await classList()).members.filter((member) => member.groups.length > 0).length).toBe(4);
      const list = await classList();
      const unplaced = learners.find((learner) => list.members.find((member) => member.learnerCode === learner.code)!.groups.length === 0)!;
      const inTd2 = learners.find((learner) => list.members.find((member) => member.learnerCode === learner.code)!.groups.includes('TD2'))!;
      await expect.poll(() => groupsOf(desk, inTd2.code)).toBe('TD2');
      expect(await groupsOf(desk, unplaced.code)).toBe('Aucun');
      await h.expectAccessible(desk, 'web-groups-split');

      // The class list: sorted by group (the learner without one last), then filtered by group.
      expect(await desk.locator('caption').filter({ hasText: 'Apprenants de' }).textContent()).toBe(
        'Apprenants de TEST-GRP-ALGO — Algorithmique (EC), triée par Nom (croissant)',
      );
      await desk.getByRole('button', { name: 'Groupes', exact: true }).click();
      await expect.poll(() => rows(desk).last().locator('td').first().textContent()).toBe(unplaced.code);
      expect(await desk.locator('th[aria-sort="ascending"]').textContent()).toContain('Groupes');
      await desk.getByLabel('Groupe', { exact: true }).selectOption({ label: 'TD1' });
      await expect.poll(() => rows(desk).count()).toBe(2);
      for (const text of await rows(desk).locator('td:nth-child(3)').allTextContents()) expect(text).toBe('TD1');
      await h.expectAccessible(desk, 'web-groups-class-list-filtered');
      await desk.getByLabel('Groupe', { exact: true }).selectOption({ label: 'Tous les groupes' });
      await expect.poll(() => rows(desk).count()).toBe(5);

      // The learner left out, into TD1: full, said beside the group's kind.
      await desk.getByRole('button', { name: `Changer les groupes de ${unplaced.name}` }).click();
      const dialog = desk.getByRole('dialog', { name: `Groupes de ${unplaced.name}` });
      await dialog.waitFor();
      await dialog.getByRole('radio', { name: 'TD1 — 2 sur 2 (complet)' }).check();
      await dialog.getByRole('button', { name: 'Enregistrer' }).click();
      await dialog.getByTestId('placement-error').getByText('Le groupe TD1 est complet : choisissez-en un autre, ou retirez d’abord quelqu’un.').waitFor();
      await h.expectAccessible(desk, 'web-groups-group-full');
      await dialog.getByRole('button', { name: 'Annuler' }).click();
      await dialog.waitFor({ state: 'detached' });

      // Someone taken out of TD2, the learner left out placed there instead.
      await desk.getByRole('button', { name: `Changer les groupes de ${inTd2.name}` }).click();
      const other = desk.getByRole('dialog', { name: `Groupes de ${inTd2.name}` });
      expect(await other.getByRole('radio', { name: 'TD2 — 2 sur 2 (complet)' }).isChecked()).toBe(true);
      await other.getByRole('radio', { name: 'Aucun' }).check();
      await other.getByRole('button', { name: 'Enregistrer' }).click();
      await desk.getByTestId('class-list-notice').getByText(`${inTd2.name} n’est plus dans le groupe TD2.`).waitFor();
      await expect.poll(() => groupsOf(desk, inTd2.code)).toBe('Aucun');
      await expect.poll(() => membersOf(desk, 'TD2')).toBe('1');
      await desk.getByRole('button', { name: `Changer les groupes de ${unplaced.name}` }).click();
      await dialog.getByRole('radio', { name: 'TD2 — 1 sur 2' }).check();
      await dialog.getByRole('button', { name: 'Enregistrer' }).click();
      await desk.getByTestId('class-list-notice').getByText(`${unplaced.name} est maintenant dans le groupe TD2.`).waitFor();
      await expect.poll(() => groupsOf(desk, unplaced.code)).toBe('TD2');
      await expect.poll(() => membersOf(desk, 'TD2')).toBe('2');
      expect((await classList()).members.find((member) => member.learnerCode === unplaced.code)!.groups).toEqual(['TD2']);
      await h.expectAccessible(desk, 'web-groups-placed');

      // The API's CSV, fetched with the token and handed over as a download.
      const [download] = await Promise.all([desk.waitForEvent('download'), desk.getByRole('button', { name: 'Télécharger (CSV)' }).click()]);
      expect(download.suggestedFilename()).toBe('liste-TEST-GRP-ALGO.csv');
      const csv = await readFile((await download.path())!, 'utf8');
      expect(csv.startsWith('\uFEFF')).toBe(true);
      const lines = csv.slice(1).trimEnd().split('\r\n');
      expect(lines[0]).toBe(HEADER);
      expect(lines).toHaveLength(6);
      expect(lines.filter((line) => line.includes(';TD1;') || line.includes(';TD2;'))).toHaveLength(4);
      await desk.getByTestId('class-list-file').getByText('Liste téléchargée : liste-TEST-GRP-ALGO.csv.').waitFor();
      await h.expectAccessible(desk, 'web-groups-downloaded');

      // A teacher of SCI-INFO, on a phone: the same page, read only.
      phoneContext = await h.browser.newContext({
        locale: 'fr-FR',
        bypassCSP: true,
        acceptDownloads: true,
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
      });
      const phone = await phoneContext.newPage();
      await h.logIn(phone, 'teacher', 'teacher-sandbox');
      await phone.goto(`${h.base}/teaching-groups?period=${periodId}&formation=${formationId}&course=${algoId}`);
      await phone.getByRole('heading', { level: 1, name: 'Groupes et listes' }).waitFor();
      await phone.getByTestId('read-only').getByText('Consultation seulement : la scolarité crée les groupes et y place les apprenants.').waitFor();
      await expect.poll(() => rows(phone).count()).toBe(5);
      await expect.poll(() => phone.getByTestId('group').count()).toBe(2);
      expect(await groupsOf(phone, unplaced.code)).toBe('TD2');
      expect(await phone.getByRole('button', { name: 'Créer le groupe' }).count()).toBe(0);
      expect(await phone.getByRole('button', { name: /^Répartir équitablement/ }).count()).toBe(0);
      expect(await phone.getByRole('button', { name: /^Changer les groupes de/ }).count()).toBe(0);
      expect(await rowOf(phone, unplaced.code).getByRole('link').count()).toBe(0);
      const [teacherDownload] = await Promise.all([phone.waitForEvent('download'), phone.getByRole('button', { name: 'Télécharger (CSV)' }).click()]);
      expect((await readFile((await teacherDownload.path())!, 'utf8')).slice(1).split('\r\n')[0]).toBe(HEADER);
      expect(await noSideScroll(phone)).toBe(true);
      await h.expectAccessible(phone, 'web-groups-teacher-phone');
      await phone.getByRole('button', { name: 'Ouvrir le menu de navigation' }).click();
      const nav = phone.getByRole('navigation', { name: 'Navigation principale' });
      await nav.waitFor();
      expect(await nav.getByRole('link').allTextContents()).toEqual(['Accueil', 'Offre de formation', 'Groupes et listes', 'Saisie des notes']);
      await phone.keyboard.press('Escape');

      // From the list to a learner's cursus: exempted from the EC, with the reason.
      const learner = learners[0]!;
      await rowOf(desk, learner.code).getByRole('link', { name: learner.code }).click();
      await desk.getByRole('heading', { level: 1, name: `Cursus de ${learner.name}` }).waitFor();
      expect(new URL(desk.url()).pathname).toBe(`/enrolments/${learner.enrolmentId}/cursus`);
      const algo = desk.locator(`[data-testid="entry"][data-path="${PATHS.algo}"]`);
      expect(await desk.locator('[data-testid="entry"][data-path="TEST-GRP>TEST-GRP-L1"] > div [data-testid="entry-actions"]').count()).toBe(0);
      await h.expectAccessible(desk, 'web-cursus-entry-actions');
      await algo.getByRole('button', { name: `Dispenser de ${ALGO}` }).click();
      const exempt = desk.getByRole('dialog', { name: `Dispenser de ${ALGO}` });
      await exempt.getByLabel('Raison de la dispense').fill('ab');
      await exempt.getByRole('button', { name: 'Dispenser' }).click();
      await exempt.getByText('Saisissez une raison d’au moins 3 caractères.').first().waitFor();
      expect(await exempt.getByLabel('Raison de la dispense').getAttribute('aria-invalid')).toBe('true');
      await h.expectAccessible(desk, 'web-cursus-exemption-error');
      await exempt.getByLabel('Raison de la dispense').fill('Validation des acquis de l’expérience');
      await exempt.getByRole('button', { name: 'Dispenser' }).click();
      await desk.getByTestId('entry-notice').getByText(`Dispense enregistrée : ${ALGO}.`).waitFor();
      expect(await algo.getByTestId('exemption').first().textContent()).toBe('Dispensé : Validation des acquis de l’expérience');
      await algo.getByRole('button', { name: `Lever la dispense de ${ALGO}` }).waitFor();
      expect((await cursusOf(learner.enrolmentId)).entries.find((entry) => entry.path === PATHS.algo)!.exemption).toEqual({
        reason: 'Validation des acquis de l’expérience',
      });
      await h.expectAccessible(desk, 'web-cursus-exempted');

      // The UE acquired last year: a mark out of range is refused beside the field, « 14,5 » goes as 14.5.
      const ue = desk.locator(`[data-testid="entry"][data-path="${PATHS.ue}"]`).first();
      await ue
        .getByRole('button', { name: `Reconnaître un acquis en ${UE}` })
        .first()
        .click();
      const credit = desk.getByRole('dialog', { name: `Acquis antérieur en ${UE}` });
      await credit.getByLabel('Note sur 20').fill('21');
      await credit.getByLabel('Année d’obtention').fill('2025-2026');
      await credit.getByRole('button', { name: 'Enregistrer l’acquis' }).click();
      await credit.getByText('Saisissez une note de 0 à 20 avec au plus 3 décimales, par exemple 14,5.').first().waitFor();
      await h.expectAccessible(desk, 'web-cursus-credit-error');
      await credit.getByLabel('Note sur 20').fill('14,5');
      await credit.getByRole('button', { name: 'Enregistrer l’acquis' }).click();
      await desk.getByTestId('entry-notice').getByText(`Acquis enregistré : ${UE}, 14,5/20.`).waitFor();
      await expect
        .poll(() => desk.locator(`[data-testid="entry"][data-path="${PATHS.ue}"] [data-testid="carried-over"]`).first().textContent())
        .toBe('Acquis en 2025-2026 : 14,5/20');
      expect((await cursusOf(learner.enrolmentId)).entries.find((entry) => entry.path === PATHS.ue)!.carriedOver).toEqual({
        mark: '14.5',
        fromPeriod: '2025-2026',
      });

      // The special arrangements: a code that does not fit, then TIERS-TEMPS with its details.
      const arrangements = desk.getByTestId('arrangements');
      await arrangements.getByText('Aucun aménagement.').waitFor();
      await arrangements.getByRole('button', { name: 'Ajouter un aménagement' }).click();
      await expect.poll(() => desk.evaluate(() => document.activeElement?.tagName)).toBe('INPUT');
      await desk.keyboard.type('tiers temps');
      const code = arrangements.getByRole('group', { name: 'Aménagement 1' }).getByLabel('Code');
      expect(await code.inputValue()).toBe('TIERS TEMPS');
      await arrangements.getByRole('button', { name: 'Enregistrer les aménagements' }).click();
      await arrangements.getByText('Le code s’écrit en majuscules, chiffres et tirets (40 caractères au plus), par exemple TIERS-TEMPS.').first().waitFor();
      expect(await code.getAttribute('aria-invalid')).toBe('true');
      await h.expectAccessible(desk, 'web-cursus-arrangements-error');
      await code.fill('TIERS-TEMPS');
      await arrangements.getByRole('group', { name: 'Aménagement 1' }).getByLabel('Précisions').fill('Un tiers de temps en plus à chaque épreuve');
      await arrangements.getByRole('button', { name: 'Enregistrer les aménagements' }).click();
      await arrangements.getByTestId('arrangements-notice').getByText('Aménagements enregistrés.').waitFor();
      expect((await cursusOf(learner.enrolmentId)).arrangements).toEqual([{ code: 'TIERS-TEMPS', details: 'Un tiers de temps en plus à chaque épreuve' }]);
      expect(await noSideScroll(desk)).toBe(true);
      await h.expectAccessible(desk, 'web-cursus-arrangements');

      // Back to the class list: the learner is exempted, and left where they were.
      await desk.goBack();
      await expect.poll(() => rows(desk).count()).toBe(5);
      await expect.poll(() => rowOf(desk, learner.code).locator('td').nth(3).textContent()).toBe('Dispensé');
      expect((await classList()).members.find((member) => member.learnerCode === learner.code)!.exempted).toBe(true);
      await h.expectAccessible(desk, 'web-groups-exempted');
    } finally {
      await deskContext?.close();
      await phoneContext?.close();
    }
  }, 240_000);
});

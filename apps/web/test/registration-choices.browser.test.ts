import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { issueAccessToken, saveLocalAccount, type TokenClaims } from '@pegase/platform';
import { chromiumPath } from '@pegase/platform/testing';
import { sandboxOffer, startWebHarness, validatedLearner, type WebHarness } from './harness.ts';

/**
 * Course choices in Chromium, over the sandbox. Made through the APIs as
 * an admin: a formation of SCI-INFO in 2026-2027 (TEST-CHC) whose year is
 * an enrolment point holding a mandatory course and a grouping « Langue
 * vivante » (exactly one of Espagnol, one seat, and Allemand), validated;
 * two new learners with validated enrolments there (fees waived), Zoé with
 * a local account, and the formation's choice window open.
 *
 * Zoé, on her phone, goes from her home to « Mes choix de cours », saves
 * nothing (the rule is said), chooses Allemand with the keyboard (registered
 * at once), then Espagnol, which Yann has just taken: full, she waits,
 * first in line. Yann leaves it: the seat is offered to Zoé, who accepts.
 * Staff close the window through the API; Zoé's page, read before, tries
 * to change and shows the API's refusal, then disables the form. Staff
 * open the learner's cursus from the enrolment's page and change her
 * choice anyway, then set the window again from « Périodes de choix des
 * cours », the cursus page read in English on the way. Every page is
 * checked with axe.
 */
const PASSWORD = 'Choix-2026-cours';
const GROUPING = 'Langue vivante (TEST-CHC-OPT)';
const SPANISH = 'Espagnol (TEST-CHC-ES)';
const GERMAN = 'Allemand (TEST-CHC-DE)';
const PATHS = {
  point: 'TEST-CHC>TEST-CHC-L1',
  grouping: 'TEST-CHC>TEST-CHC-L1>TEST-CHC-OPT',
  spanish: 'TEST-CHC>TEST-CHC-L1>TEST-CHC-OPT>TEST-CHC-ES',
  german: 'TEST-CHC>TEST-CHC-L1>TEST-CHC-OPT>TEST-CHC-DE',
};
const staffClaims: TokenClaims = { subject: 'test-staff', login: 'staff', roles: ['staff'], structureCodes: ['UFR-SCI'] };
const student = (learnerCode: string): TokenClaims => ({ subject: `test-${learnerCode}`, login: learnerCode.toLowerCase(), roles: ['student'], learnerCode });

interface Cursus {
  enrolmentId: string;
  entries: { path: string; status: string; waitingRank: number | null; chosenBy: string | null }[];
  window: { open: boolean } | null;
}

describe.skipIf(chromiumPath() === undefined)('course choices, in Chromium', () => {
  let h: WebHarness;
  let formationId = '';
  const zoe = { code: '', enrolmentId: '', login: 'zoe.choix' };
  const yann = { code: '', enrolmentId: '' };

  /** A call that may be refused (the harness's `call` expects a success). */
  const raw = async (method: 'GET' | 'PUT', url: string, claims: TokenClaims, body?: unknown) => {
    const token = await issueAccessToken(h.runtime.keys, h.runtime.issuer, claims, 600);
    return h.runtime.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
  };
  const setWindow = (opensAt: number, closesAt: number) =>
    h.call(
      'PUT',
      `/api/registration/v1/formations/${formationId}/choice-window`,
      { opensAt: new Date(opensAt).toISOString(), closesAt: new Date(closesAt).toISOString() },
      staffClaims,
    );
  const cursusOf = (enrolmentId: string) => h.call<Cursus>('GET', `/api/registration/v1/enrolments/${enrolmentId}/cursus`, undefined, staffClaims);
  const entryOf = async (enrolmentId: string, path: string) => (await cursusOf(enrolmentId)).entries.find((entry) => entry.path === path);

  beforeAll(async () => {
    h = await startWebHarness();
    const { object } = await sandboxOffer(h);
    const formation = await object('TEST-CHC', 'formation', { fr: 'Licence de test des choix', en: 'Course choices test bachelor' }, null);
    formationId = formation.id;
    const point = await object('TEST-CHC-L1', 'year', { fr: 'Licence de test des choix, 1re année', en: 'Choices test bachelor, year 1' }, formation.id, {
      enrolmentPoint: true,
    });
    await object('TEST-CHC-ALGO', 'ec', { fr: 'Algorithmique', en: 'Algorithms' }, point.id, { ects: 6 });
    const grouping = await object('TEST-CHC-OPT', 'grouping', { fr: 'Langue vivante', en: 'Modern language' }, point.id, { choice: { min: 1, max: 1 } });
    await object('TEST-CHC-ES', 'ec', { fr: 'Espagnol', en: 'Spanish' }, grouping.id, { openForChoice: true, capacity: 1, ects: 3 });
    await object('TEST-CHC-DE', 'ec', { fr: 'Allemand', en: 'German' }, grouping.id, { openForChoice: true, ects: 3 });
    await h.call('POST', `/api/curriculum/v1/objects/${formation.id}/validate`);
    await h.runtime.dispatcher.drain();

    /** A learner validated at the point: their code and enrolment. */
    const enrolled = async (familyName: string, givenNames: string) => {
      const { code, enrolmentId } = await validatedLearner(h, point.id, familyName, givenNames, '2006-03-14');
      return { code, enrolmentId };
    };
    Object.assign(zoe, await enrolled('Choix', 'Zoé'));
    Object.assign(yann, await enrolled('Attente', 'Yann'));
    await saveLocalAccount(h.runtime.database.db, {
      login: zoe.login,
      password: PASSWORD,
      displayName: 'Zoé Choix',
      roles: ['student'],
      learnerCode: zoe.code,
    });
    await setWindow(Date.now() - 3_600_000, Date.now() + 3_600_000);
    expect((await cursusOf(zoe.enrolmentId)).window).toMatchObject({ open: true });
  }, 180_000);

  afterAll(async () => h?.close());

  const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  const group = (page: Page) => page.getByTestId('grouping').filter({ has: page.getByRole('group', { name: GROUPING }) });
  const entry = (page: Page, path: string) => page.locator(`[data-testid="entry"][data-path="${path}"]`).first();
  const statusOf = (page: Page, path: string) => entry(page, path).getByTestId('entry-status').first().textContent();

  it('lets Zoé choose while the window is open, wait for a full course and accept its seat, then only staff change her choice once it closes', async () => {
    let phoneContext: BrowserContext | undefined;
    let deskContext: BrowserContext | undefined;
    try {
      phoneContext = await h.browser.newContext({ locale: 'fr-FR', bypassCSP: true, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      const phone = await phoneContext.newPage();
      await h.logIn(phone, zoe.login, PASSWORD);

      // Her home: the service tells her a choice is waiting.
      const card = phone.getByTestId('my-courses');
      await card.getByRole('heading', { level: 2, name: 'Mes choix de cours' }).waitFor();
      await card.getByText('1 choix à faire').waitFor();
      expect(await noSideScroll(phone)).toBe(true);
      await h.expectAccessible(phone, 'web-registration-home');
      await card.getByRole('link', { name: 'Faire mes choix de cours' }).click();

      // The page: its title, the window open, the grouping's rule and its courses with their seats.
      await phone.getByRole('heading', { level: 1, name: 'Mes choix de cours' }).waitFor();
      expect(await phone.title()).toBe('Mes choix de cours — Pégase');
      await phone.getByRole('heading', { level: 2, name: 'Licence de test des choix, 1re année (TEST-CHC-L1) — Année universitaire 2026-2027' }).waitFor();
      expect(await phone.getByTestId('choice-window').getAttribute('data-state')).toBe('open');
      expect(await phone.getByTestId('choice-window').textContent()).toContain('Les choix de cours sont ouverts jusqu’au');
      const form = group(phone);
      expect(await form.getByTestId('rule').textContent()).toBe('Choisissez exactement 1 enseignement.');
      const spanish = phone.getByRole('radio', { name: SPANISH });
      const german = phone.getByRole('radio', { name: GERMAN });
      expect(await form.locator(`[data-path="${PATHS.spanish}"]`).getByTestId('seats').textContent()).toBe('3 ECTS · 1 place restante');
      expect(await form.locator(`[data-path="${PATHS.german}"]`).getByTestId('seats').textContent()).toBe('3 ECTS · Places non limitées');
      expect(await spanish.getAttribute('aria-describedby')).toBeTruthy();
      expect(await statusOf(phone, PATHS.point)).toBe('Inscrit');
      await entry(phone, `${PATHS.point}>TEST-CHC-ALGO`).getByText('TEST-CHC-ALGO · EC · 6 ECTS · Obligatoire').waitFor();
      expect(await noSideScroll(phone)).toBe(true);
      await h.expectAccessible(phone, 'web-registration-my-courses');

      // Saved with nothing chosen: the rule is said beside the group and in the alert, which takes the focus.
      const save = form.getByRole('button', { name: `Enregistrer mes choix pour « ${GROUPING} »` });
      await save.focus();
      await phone.keyboard.press('Enter');
      await form.getByTestId('count-error').getByText('Choisissez exactement 1 enseignement. Vous en avez choisi 0.').waitFor();
      await form.getByRole('alert').getByText('Ces choix ne conviennent pas : corrigez ce qui est signalé.').waitFor();
      await expect.poll(() => phone.evaluate(() => document.activeElement?.id)).toMatch(/-alert$/);
      await h.expectAccessible(phone, 'web-registration-count-error');

      // Allemand, with the keyboard: registered at once.
      await german.focus();
      await phone.keyboard.press('Space');
      expect(await german.isChecked()).toBe(true);
      await save.focus();
      await phone.keyboard.press('Enter');
      await form.getByTestId('choice-notice').getByText(`Vos choix pour « ${GROUPING} » sont enregistrés.`).waitFor();
      await expect.poll(() => statusOf(phone, PATHS.german)).toBe('Inscrit');
      expect(await entry(phone, PATHS.german).textContent()).toContain('choisi par vous');
      expect(await form.getByRole('alert').count()).toBe(0);
      expect(await entryOf(zoe.enrolmentId, PATHS.german)).toMatchObject({ status: 'registered', chosenBy: 'learner' });

      // Yann takes the only seat of Espagnol; Zoé, reloading, finds it full and chooses it anyway: she waits, first in line.
      const taken = await raw('PUT', `/api/registration/v1/me/enrolments/${yann.enrolmentId}/choices`, student(yann.code), {
        grouping: PATHS.grouping,
        children: [PATHS.spanish],
      });
      expect(taken.statusCode, taken.body).toBe(200);
      await phone.reload();
      await form.waitFor();
      expect(await form.locator(`[data-path="${PATHS.spanish}"]`).getByTestId('seats').textContent()).toBe(
        '3 ECTS · Complet — liste d’attente : 0. Le choisir inscrit sur sa liste d’attente.',
      );
      await spanish.check();
      await save.click();
      await form.getByTestId('choice-notice').getByText(`${SPANISH} est complet : inscription sur sa liste d’attente, rang 1.`).waitFor();
      await expect.poll(() => statusOf(phone, PATHS.spanish)).toBe('En liste d’attente, rang 1');
      expect(await entry(phone, PATHS.german).count()).toBe(0);
      await h.expectAccessible(phone, 'web-registration-waiting');

      // Yann goes to Allemand: the seat is held for Zoé, who accepts it.
      const left = await raw('PUT', `/api/registration/v1/me/enrolments/${yann.enrolmentId}/choices`, student(yann.code), {
        grouping: PATHS.grouping,
        children: [PATHS.german],
      });
      expect(left.statusCode, left.body).toBe(200);
      await phone.reload();
      const offers = phone.getByTestId('offers');
      await offers.getByRole('heading', { level: 3, name: 'Une place s’est libérée' }).waitFor();
      await offers.getByText(`Une place s’est libérée : ${SPANISH}. Elle vous est réservée ; acceptez-la ou déclinez-la.`).waitFor();
      expect(await statusOf(phone, PATHS.spanish)).toBe('Place proposée');
      await offers.getByRole('button', { name: `Décliner la place en ${SPANISH}` }).waitFor();
      expect(await noSideScroll(phone)).toBe(true);
      await h.expectAccessible(phone, 'web-registration-offer');
      await offers.getByRole('button', { name: `Accepter la place en ${SPANISH}` }).click();
      await phone.getByTestId('offer-notice').getByText(`Place acceptée : ${SPANISH} fait partie du cursus.`).waitFor();
      await expect.poll(() => statusOf(phone, PATHS.spanish)).toBe('Inscrit');
      expect(await offers.getByTestId('offer').count()).toBe(0);
      expect(await entryOf(zoe.enrolmentId, PATHS.spanish)).toMatchObject({ status: 'registered' });
      expect(await spanish.isChecked()).toBe(true);

      // Staff close the window. Zoé's page, read before, still offers the form: the API refuses, the form is then disabled.
      await setWindow(Date.now() - 7_200_000, Date.now() - 60_000);
      await german.check();
      await save.click();
      await form
        .getByRole('alert')
        .getByText('La période de choix est close : vos choix n’ont pas été enregistrés. La scolarité peut encore les modifier.')
        .waitFor();
      await expect.poll(() => phone.getByTestId('choice-window').getAttribute('data-state')).toBe('closed');
      await expect.poll(() => german.isDisabled()).toBe(true);
      expect(await spanish.isDisabled()).toBe(true);
      expect(await spanish.isChecked()).toBe(true);
      expect(await save.isDisabled()).toBe(true);
      await form.getByTestId('locked').getByText('Vous ne pouvez pas modifier ces choix en dehors de la période de choix.').waitFor();
      expect(await entryOf(zoe.enrolmentId, PATHS.spanish)).toMatchObject({ status: 'registered' });
      await h.expectAccessible(phone, 'web-registration-closed-refusal');
      await phone.reload();
      expect(await phone.getByTestId('choice-window').textContent()).toContain('Les choix de cours sont fermés depuis le');
      expect(await phone.getByRole('radio', { name: GERMAN }).isDisabled()).toBe(true);
      await h.expectAccessible(phone, 'web-registration-closed');

      // Staff: from the enrolment's page to the learner's cursus, where they change her choice anyway.
      deskContext = await h.browser.newContext({ locale: 'fr-FR', bypassCSP: true, viewport: { width: 1280, height: 900 } });
      const desk = await deskContext.newPage();
      await h.logIn(desk, 'staff', 'staff-sandbox');
      await desk.goto(`${h.base}/enrolments/${zoe.enrolmentId}`);
      await desk.getByRole('link', { name: 'Cursus et choix de cours' }).click();
      await desk.getByRole('heading', { level: 1, name: 'Cursus de CHOIX Zoé' }).waitFor();
      expect(new URL(desk.url()).pathname).toBe(`/enrolments/${zoe.enrolmentId}/cursus`);
      expect(await desk.title()).toBe('Cursus de CHOIX Zoé — Pégase');
      expect(await desk.getByTestId('learner-code').textContent()).toBe(zoe.code);
      const notice = desk.getByTestId('choice-window');
      expect(await notice.getAttribute('data-state')).toBe('closed');
      expect(await notice.textContent()).toContain('La scolarité peut modifier les choix à tout moment.');
      const staffForm = group(desk);
      await staffForm.getByRole('radio', { name: GERMAN }).check();
      await h.expectAccessible(desk, 'web-registration-staff-cursus');
      await staffForm.getByRole('button', { name: `Enregistrer les choix pour « ${GROUPING} »` }).click();
      await staffForm.getByTestId('choice-notice').getByText(`Les choix pour « ${GROUPING} » sont enregistrés.`).waitFor();
      await expect.poll(() => statusOf(desk, PATHS.german)).toBe('Inscrit');
      expect(await entry(desk, PATHS.german).textContent()).toContain('choisi par la scolarité');
      expect(await entryOf(zoe.enrolmentId, PATHS.german)).toMatchObject({ status: 'registered', chosenBy: 'staff' });
      expect(await entryOf(zoe.enrolmentId, PATHS.spanish)).toBeUndefined();
      await h.expectAccessible(desk, 'web-registration-staff-saved');

      // In English: the same page in the other language, then back to French.
      await desk.getByRole('combobox', { name: 'Langue' }).click();
      await desk.getByRole('option', { name: 'English' }).click();
      await desk.getByRole('heading', { level: 1, name: 'Study path of CHOIX Zoé' }).waitFor();
      expect(await group(desk).count()).toBe(0);
      const english = desk.getByTestId('grouping').filter({ has: desk.getByRole('group', { name: 'Modern language (TEST-CHC-OPT)' }) });
      expect(await english.getByTestId('rule').textContent()).toBe('Choose exactly 1 course.');
      await english.getByRole('button', { name: 'Save the choices for “Modern language (TEST-CHC-OPT)”' }).waitFor();
      expect(await desk.getByTestId('choice-window').textContent()).toContain('The registrar’s office may change the choices at any time.');
      expect(await entry(desk, PATHS.german).textContent()).toContain('TEST-CHC-DE · Course · 3 ECTS · Chosen · chosen by the registrar’s office');
      await h.expectAccessible(desk, 'web-registration-staff-cursus-en');
      await desk.getByRole('combobox', { name: 'Language' }).click();
      await desk.getByRole('option', { name: 'Français' }).click();
      await desk.getByRole('heading', { level: 1, name: 'Cursus de CHOIX Zoé' }).waitFor();

      // Zoé sees what the scolarité chose.
      await phone.reload();
      await expect.poll(() => statusOf(phone, PATHS.german)).toBe('Inscrit');
      expect(await entry(phone, PATHS.german).textContent()).toContain('choisi par la scolarité');

      // Staff set the window again from its page: the year, the formation from the curriculum's validated ones, the dates.
      await desk.getByRole('link', { name: 'Choix de cours', exact: true }).click();
      await desk.getByRole('heading', { level: 1, name: 'Périodes de choix des cours' }).waitFor();
      await expect.poll(() => desk.getByLabel('Formation').locator('option', { hasText: 'TEST-CHC — Licence de test des choix' }).count()).toBe(1);
      await desk.getByLabel('Formation').selectOption({ label: 'TEST-CHC — Licence de test des choix' });
      const windowCard = desk.getByTestId('formation-window');
      await expect.poll(() => windowCard.getByTestId('window-state').getAttribute('data-state')).toBe('closed');
      await h.expectAccessible(desk, 'web-registration-windows');
      const opens = desk.getByLabel('Ouverture (date et heure)');
      const closes = desk.getByLabel('Fermeture (date et heure)');
      await closes.fill('2026-01-01T08:00');
      await opens.fill('2026-02-01T08:00');
      await windowCard.getByRole('button', { name: 'Enregistrer la période' }).click();
      await windowCard.getByRole('alert').getByText('La fermeture doit suivre l’ouverture.').waitFor();
      expect(await closes.getAttribute('aria-invalid')).toBe('true');
      await h.expectAccessible(desk, 'web-registration-windows-error');
      const local = (ms: number) => {
        const date = new Date(ms);
        const pad = (value: number) => String(value).padStart(2, '0');
        return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
      };
      const now = Date.now();
      await opens.fill(await desk.evaluate(local, now - 3_600_000));
      await closes.fill(await desk.evaluate(local, now + 86_400_000));
      await windowCard.getByRole('button', { name: 'Enregistrer la période' }).click();
      await windowCard.getByTestId('window-notice').getByText('Période de choix enregistrée pour TEST-CHC — Licence de test des choix.').waitFor();
      await expect.poll(() => windowCard.getByTestId('window-state').getAttribute('data-state')).toBe('open');
      expect((await cursusOf(zoe.enrolmentId)).window).toMatchObject({ open: true });
      const window = await raw('GET', `/api/registration/v1/formations/${formationId}/choice-window`, staffClaims);
      expect(window.statusCode).toBe(200);
    } finally {
      await phoneContext?.close();
      await deskContext?.close();
    }
  }, 240_000);
});

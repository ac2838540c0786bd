import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '@pegase/platform/testing';
import { startWebHarness, type WebHarness } from './harness.ts';

/**
 * A new student without an account, in Chromium on a phone: from the login
 * page's link to the activation page, a wrong birth date first (the error
 * summary and the field stay accessible), then the account opened, then the
 * sign-in with the new login, landing on their home where the admission
 * waits. The candidate is one of the sandbox's Parcoursup admissions (Inès
 * Garcia, at the Licence's first year); axe checks every page.
 */
describe.skipIf(chromiumPath() === undefined)('account activation from an invitation, in Chromium', () => {
  let h: WebHarness;
  let invitationCode = '';

  beforeAll(async () => {
    h = await startWebHarness();
    const years = await h.call<{ items: { id: string; code: string }[] }>('GET', '/api/referential/v1/periods?type=academic-year&sort=code&limit=20');
    const objects = await h.call<{ items: { id: string; code: string }[] }>('GET', `/api/curriculum/v1/objects?periodId=${years.items[0]!.id}&q=LINF-L1`);
    const point = objects.items.find((object) => object.code === 'LINF-L1')!;
    const admitted = await h.call<{ familyName: string; invitationCode: string }[]>('GET', `/api/enrolment/v1/points/${point.id}/admissions`);
    invitationCode = admitted.find((admission) => admission.familyName === 'Garcia')!.invitationCode;
  }, 240_000);
  afterAll(async () => h?.close());

  it('opens the account from the login page, then signs in with it', async () => {
    const context = await h.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-FR', bypassCSP: true });
    const page = await context.newPage();
    await page.goto(h.base);
    await page.getByRole('link', { name: 'Nouvel étudiant ? Activez votre compte avec votre code d’invitation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Activer mon compte étudiant' }).waitFor();
    await h.expectAccessible(page, 'web-activation-form');

    const fill = async (birthDate: string) => {
      await page.getByLabel('Code d’invitation').fill(`${invitationCode.slice(0, 8)} ${invitationCode.slice(8)}`.toLowerCase());
      await page.getByLabel('Date de naissance').fill(birthDate);
      await page.getByRole('radio', { name: 'Féminin' }).check();
      await page.getByLabel('Pays de naissance').selectOption({ label: 'France' });
      await page.getByLabel('Adresse électronique').fill('ines.garcia@example.org');
      await page.getByLabel('Mot de passe', { exact: true }).fill('Pégase-2026-inès');
      await page.getByLabel('Confirmez le mot de passe').fill('Pégase-2026-inès');
      await page.getByRole('button', { name: 'Activer mon compte' }).click();
    };
    await fill('2007-05-20');
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('Aucune admission ne correspond à ce code d’invitation et à cette date de naissance');
    await h.expectAccessible(page, 'web-activation-error');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await fill('2007-05-19');
    await page.getByRole('heading', { level: 1, name: 'Votre compte est activé' }).waitFor();
    const login = (await page.locator('.done strong').textContent())!;
    expect(login).toMatch(/^pgs\d{7}$/);
    await h.expectAccessible(page, 'web-activation-done');

    await page.getByRole('link', { name: 'Me connecter et m’inscrire' }).click();
    await page.getByLabel('Identifiant').waitFor();
    await page.getByLabel('Identifiant').fill(login);
    await page.getByLabel('Mot de passe').fill('Pégase-2026-inès');
    await Promise.all([
      page.waitForURL((url) => url.origin === h.base && !url.pathname.startsWith('/auth') && !url.pathname.startsWith('/oidc-callback'), { timeout: 20_000 }),
      page.getByRole('button', { name: 'Se connecter', exact: true }).click(),
    ]);
    await page.getByRole('heading', { level: 1 }).waitFor();
    // Her home knows her: the admission she activated her account with waits there.
    const me = await h.call<{ familyName: string; code: string }>('GET', '/api/enrolment/v1/me', undefined, {
      subject: login,
      login,
      roles: ['student'],
      learnerCode: login.toUpperCase(),
    });
    expect(me).toMatchObject({ familyName: 'Garcia', code: login.toUpperCase() });
    expect(await page.getByTestId('user-name').textContent()).toBe('Inès Garcia');
    await h.expectAccessible(page, 'web-activation-home');
    await context.close();
  }, 180_000);
});

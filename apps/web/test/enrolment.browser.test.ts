import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { TokenClaims } from '@pegase/platform';
import { chromiumPath } from '@pegase/platform/testing';
import { learnerId, validatedEnrolmentPoint } from './enrolment-point.ts';
import { startWebHarness, type WebHarness } from './harness.ts';
import { pngImage } from './images.ts';

/**
 * Enrolment's pages in Chromium, over the sandbox. Made through the API as
 * an admin: a formation of SCI-INFO whose year is an enrolment point
 * (TEST-WEB…), a photograph required there, and secondary enrolments of
 * Camille Martin (student1) and Léa Bernard at that point. Then Camille, on
 * a phone, sends a wrong file, a too big one, then her photo; staff find it
 * from their home's queue, look at it, reject it with a reason; Camille
 * reads the reason and sends another; staff accept it, meet the API's
 * refusals (documents pending, fees not settled), waive the fees and
 * validate. Léa's draft is submitted from the back office, then cancelled
 * with a reason. Every page is checked with axe.
 */
const YEAR = 'Année universitaire 2026-2027';
const PHOTO = "Photographie d'identité";

describe.skipIf(chromiumPath() === undefined)('enrolment’s pages, in Chromium', () => {
  let h: WebHarness;
  const ids = { camille: '', lea: '' };
  const staffClaims: TokenClaims = { subject: 'test-staff', login: 'staff', roles: ['staff'], structureCodes: ['UFR-SCI'] };

  beforeAll(async () => {
    h = await startWebHarness();
    // A formation of SCI-INFO in 2026-2027 whose year is an enrolment point, validated: the curriculum's event brings the point to enrolment.
    const { pointId } = await validatedEnrolmentPoint(h, 'TEST-WEB', {
      formation: { fr: 'Licence de test du web', en: 'Web test bachelor' },
      year: { fr: 'Licence de test, 1re année', en: 'Web test bachelor, year 1' },
    });
    const point = { id: pointId };

    await h.call('POST', '/api/enrolment/v1/document-requirements', { documentType: 'PHOTO', pointId: point.id });
    const learner = (code: string) => learnerId(h, code);
    const enrol = async (learnerId: string) =>
      (await h.call('POST', '/api/enrolment/v1/enrolments', { learnerId, pointId: point.id, origin: 'MANUELLE', kind: 'secondary', regime: 'FI' })).id;
    ids.camille = await enrol(await learner('PGS0000001'));
    ids.lea = await enrol(await learner('PGS0000002'));
    await h.runtime.dispatcher.drain();
  }, 180_000);

  afterAll(async () => h?.close());

  const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  const notice = (page: Page) => page.getByTestId('notice').textContent();
  const problem = (page: Page) => page.getByTestId('decision').getByTestId('problem').textContent();
  const photoRow = (page: Page) => page.getByTestId('document-PHOTO');
  const myPhoto = (page: Page) => page.getByTestId('my-document-PHOTO');

  it('takes a photo from the student’s phone through the back office’s review to a validated enrolment, and a draft to its cancellation', async () => {
    const started = Date.now();
    let student: BrowserContext | undefined;
    let staff: BrowserContext | undefined;
    try {
      // Camille, on her phone: her home lists the enrolment, which leads to the documents to send.
      student = await h.browser.newContext({ locale: 'fr-FR', bypassCSP: true, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      const phone = await student.newPage();
      await h.logIn(phone, 'student1', 'student1-sandbox');
      const mine = phone.getByTestId('my-enrolment').filter({ hasText: `Inscription secondaire, ${YEAR}` });
      await mine.waitFor();
      expect(await mine.getByTestId('enrolment-status').textContent()).toBe('Brouillon');
      expect(await noSideScroll(phone)).toBe(true);
      await h.expectAccessible(phone, 'web-enrolment-student-home-phone');
      await mine.getByRole('link', { name: `Pièces justificatives (Inscription secondaire, ${YEAR})` }).click();
      await phone.getByRole('heading', { level: 1, name: `Mon inscription — ${YEAR}` }).waitFor();
      await myPhoto(phone).getByRole('heading', { level: 3, name: PHOTO }).waitFor();
      expect(await myPhoto(phone).getByTestId('document-status').textContent()).toBe('À fournir');
      const file = myPhoto(phone).getByLabel(`Fichier pour « ${PHOTO} » (PDF, JPEG ou PNG, 5 Mo au plus)`);
      expect(await file.getAttribute('type')).toBe('file');
      expect(await file.getAttribute('accept')).toBe('application/pdf,image/jpeg,image/png');
      expect(await noSideScroll(phone)).toBe(true);
      await h.expectAccessible(phone, 'web-enrolment-student-documents-phone');

      // Nothing chosen, then a program named like a photo (the API reads the content: 415), then a file over 5 MB.
      const send = myPhoto(phone).getByRole('button', { name: `Envoyer le fichier pour « ${PHOTO} »` });
      await send.click();
      await myPhoto(phone).getByText('Choisissez d’abord un fichier.').waitFor();
      await file.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('MZ this is a program, not a photo') });
      await send.click();
      await myPhoto(phone).getByText('Ce fichier n’est ni un PDF, ni une image JPEG ou PNG.').waitFor();
      expect(await file.getAttribute('aria-invalid')).toBe('true');
      expect(await noSideScroll(phone)).toBe(true);
      await h.expectAccessible(phone, 'web-enrolment-student-unsupported-phone');
      await file.setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: Buffer.concat([pngImage(1, [0, 0, 0]), Buffer.alloc(5 * 1024 * 1024)]) });
      await send.click();
      await myPhoto(phone)
        .getByText(/^Ce fichier dépasse 5 Mo/)
        .waitFor();

      // The photo itself.
      await file.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: pngImage(48, [200, 40, 40]) });
      await send.click();
      await myPhoto(phone).getByText(`Fichier reçu pour « ${PHOTO} » : il va être vérifié.`).waitFor();
      await expect.poll(() => myPhoto(phone).getByTestId('document-status').textContent()).toBe('Reçue, à vérifier');
      await h.expectAccessible(phone, 'web-enrolment-student-sent-phone');

      // She submits her application: the API offers submission to staff and integrations only, so the test does it for her.
      await h.call('POST', `/api/enrolment/v1/enrolments/${ids.camille}/submit`, undefined, undefined, { 'idempotency-key': 'web-test-camille-0001' });
      const submitted = await h.call<{ items: unknown[] }>(
        'GET',
        '/api/enrolment/v1/enrolments?status=submitted&sort=createdAt&limit=200',
        undefined,
        staffClaims,
      );

      // Staff: the home's queue counts the submitted enrolments of their structures and leads to them.
      staff = await h.browser.newContext({ locale: 'fr-FR', bypassCSP: true, viewport: { width: 1280, height: 900 } });
      const desk = await staff.newPage();
      await h.logIn(desk, 'staff', 'staff-sandbox');
      const nav = desk.getByRole('navigation', { name: 'Navigation principale' });
      expect(await nav.getByRole('link').allTextContents()).toContain('Inscriptions');
      const queue = desk.getByTestId('enrolment-queue');
      await queue.getByRole('heading', { level: 3, name: 'Inscriptions à traiter' }).waitFor();
      await expect.poll(() => queue.getByTestId('enrolment-queue-count').textContent()).toBe(String(submitted.items.length));
      await h.expectAccessible(desk, 'web-enrolment-staff-home');
      await queue.getByRole('link', { name: 'Traiter les inscriptions' }).click();
      await desk.getByRole('heading', { level: 1, name: 'Inscriptions' }).waitFor();
      expect(new URL(desk.url()).search).toBe('?status=submitted');
      expect(await desk.getByRole('combobox', { name: 'Statut' }).textContent()).toBe('Soumise');
      const row = desk.locator('tbody tr', { hasText: 'TEST-WEB>TEST-WEB-L1' });
      await row.waitFor();
      expect(await row.locator('td').allTextContents()).toEqual([
        // The check box that selects the row for a bulk action.
        '',
        'PGS0000001',
        'MARTIN Camille Louise',
        'TEST-WEB>TEST-WEB-L1',
        'Soumise',
        // The payment module may have asked for the fees on submission.
        expect.stringMatching(/^(Non renseigné|Non payés|Paiement en cours)$/),
        expect.stringMatching(/^\d{1,2} \S+ 20\d\d$/),
      ]);
      await h.expectAccessible(desk, 'web-enrolment-queue');

      // The enrolment: the learner, the point, the documents; validation waits for the photo.
      await row.getByRole('link', { name: 'PGS0000001' }).click();
      await desk.getByRole('heading', { level: 1, name: 'Inscription de MARTIN Camille Louise' }).waitFor();
      expect(await desk.title()).toBe('Inscription de MARTIN Camille Louise — Pégase');
      await desk.getByTestId('point').getByText('TEST-WEB-L1 — Licence de test, 1re année').waitFor();
      await photoRow(desk).getByText('Reçue, à vérifier').waitFor();
      await desk.getByRole('button', { name: 'Valider l’inscription' }).click();
      await expect.poll(() => problem(desk)).toContain('Des pièces obligatoires ne sont pas encore acceptées : vérifiez-les avant de valider.');
      expect(await problem(desk)).toContain('PHOTO');
      await h.expectAccessible(desk, 'web-enrolment-documents-pending');

      // The photo opens in a new tab, fetched with the person's token.
      const [tab] = await Promise.all([
        staff.waitForEvent('page'),
        photoRow(desk)
          .getByRole('button', { name: `Voir le fichier « ${PHOTO} »` })
          .click(),
      ]);
      await tab.waitForURL(/^blob:/);
      expect(await tab.evaluate(() => document.contentType)).toBe('image/png');
      await tab.close();

      // Rejected: the reason is required (the API says so beside the field), then given.
      await photoRow(desk)
        .getByRole('button', { name: `Refuser « ${PHOTO} »` })
        .click();
      const dialog = desk.getByRole('dialog', { name: `Refuser la pièce « ${PHOTO} »` });
      await dialog.waitFor();
      const reason = dialog.getByLabel('Motif');
      expect(await reason.evaluate((element) => element === document.activeElement)).toBe(true);
      await dialog.getByRole('button', { name: 'Refuser la pièce', exact: true }).click();
      await dialog.getByText('Un refus demande un motif : l’étudiant le lit pour envoyer la bonne pièce.').waitFor();
      expect(await reason.getAttribute('aria-invalid')).toBe('true');
      await h.expectAccessible(desk, 'web-enrolment-reject-dialog');
      await reason.fill('Photo floue : envoyez une photo nette, de face.');
      await dialog.getByRole('button', { name: 'Refuser la pièce', exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => notice(desk)).toBe(`La pièce « ${PHOTO} » est refusée ; l’étudiant lit le motif.`);
      await photoRow(desk).getByText('Refusée').waitFor();
      expect(await photoRow(desk).getByTestId('reject-reason').textContent()).toBe('Motif du refus : Photo floue : envoyez une photo nette, de face.');

      // Camille reads the reason and sends another photo.
      await phone.reload();
      await myPhoto(phone).getByTestId('reject-reason').waitFor();
      expect(await myPhoto(phone).getByTestId('reject-reason').textContent()).toBe('Motif du refus : Photo floue : envoyez une photo nette, de face.');
      expect(await myPhoto(phone).getByTestId('document-status').textContent()).toBe('Refusée');
      expect(await noSideScroll(phone)).toBe(true);
      await h.expectAccessible(phone, 'web-enrolment-student-rejected-phone');
      await file.setInputFiles({ name: 'photo-nette.png', mimeType: 'image/png', buffer: pngImage(64, [40, 90, 200]) });
      await myPhoto(phone)
        .getByRole('button', { name: `Remplacer le fichier pour « ${PHOTO} »` })
        .click();
      await expect.poll(() => myPhoto(phone).getByTestId('document-status').textContent()).toBe('Reçue, à vérifier');
      expect(await myPhoto(phone).getByTestId('reject-reason').count()).toBe(0);

      // Staff accept it; the fees now hold the validation until they waive them at the desk.
      await desk.reload();
      await photoRow(desk)
        .getByRole('button', { name: `Accepter « ${PHOTO} »` })
        .click();
      await expect.poll(() => notice(desk)).toBe(`La pièce « ${PHOTO} » est acceptée.`);
      await photoRow(desk).getByText('Acceptée').waitFor();
      await desk.getByRole('button', { name: 'Valider l’inscription' }).click();
      await expect.poll(() => problem(desk)).toContain('Les droits ne sont ni payés ni exonérés : l’inscription ne peut pas encore être validée.');
      await h.expectAccessible(desk, 'web-enrolment-fees-not-settled');
      await desk.getByRole('button', { name: 'Exonérer des droits' }).click();
      await expect.poll(() => notice(desk)).toBe('L’apprenant est exonéré des droits.');
      expect(await desk.getByTestId('payment-status').textContent()).toBe('Exonéré');
      await desk.getByRole('button', { name: 'Valider l’inscription' }).click();
      await expect.poll(() => notice(desk)).toBe('L’inscription est validée.');
      expect(await desk.getByTestId('enrolment-status').textContent()).toBe('Validée');
      await desk
        .getByTestId('closed')
        .getByText('Cette inscription est validée : ses pièces et ses droits ne changent plus ; elle peut encore être annulée.')
        .waitFor();
      // A validated enrolment may still be cancelled; nothing else changes it.
      expect(await desk.getByTestId('decision').getByRole('button').allTextContents()).toEqual(['Annuler l’inscription']);
      await expect.poll(async () => (await desk.getByTestId('history-entry').first().textContent()) ?? '').toContain('Statut : Soumise → Validée');
      const history = (await desk.getByTestId('history-entry').allTextContents()).join('\n');
      expect(history).toMatch(/Paiement des droits : (Non renseigné|Non payés|Paiement en cours) → Exonéré/);
      expect(history).toContain('Pièces justificatives : — → pièce reçue ou vérifiée');
      await h.expectAccessible(desk, 'web-enrolment-validated');

      // Camille sees it validated; her documents no longer change.
      await phone.reload();
      await phone.getByText('Cette inscription est validée : ses pièces ne changent plus.').waitFor();
      expect(await myPhoto(phone).getByTestId('document-status').textContent()).toBe('Acceptée');
      expect(await phone.locator('input[type=file]').count()).toBe(0);
      await phone.goto(h.base);
      await expect.poll(() => mine.getByTestId('enrolment-status').textContent()).toBe('Validée');
      expect(await noSideScroll(phone)).toBe(true);
      await h.expectAccessible(phone, 'web-enrolment-student-validated-phone');

      // Léa's draft, from the menu and the queue's status filter: not validated before it is submitted, then submitted, then cancelled with a reason.
      await nav.getByRole('link', { name: 'Inscriptions' }).click();
      await desk.getByRole('heading', { level: 1, name: 'Inscriptions' }).waitFor();
      await desk.getByRole('combobox', { name: 'Statut' }).click();
      await desk.getByRole('option', { name: 'Brouillon' }).click();
      await expect.poll(() => new URL(desk.url()).search).toBe('?status=draft');
      const draft = desk.locator('tbody tr', { hasText: 'TEST-WEB>TEST-WEB-L1' });
      await expect.poll(() => draft.locator('td').nth(2).textContent()).toBe('BERNARD Léa');
      await draft.getByRole('link', { name: 'PGS0000002' }).click();
      await desk.getByRole('heading', { level: 1, name: 'Inscription de BERNARD Léa' }).waitFor();
      await desk.getByRole('button', { name: 'Valider l’inscription' }).click();
      await expect.poll(() => problem(desk)).toContain('Seule une inscription soumise peut être validée.');
      await desk.getByRole('button', { name: 'Soumettre le dossier' }).click();
      await expect.poll(() => notice(desk)).toBe('Le dossier est soumis.');
      expect(await desk.getByTestId('enrolment-status').textContent()).toBe('Soumise');
      await desk.getByRole('button', { name: 'Annuler l’inscription' }).click();
      const cancel = desk.getByRole('dialog', { name: 'Annuler l’inscription de BERNARD Léa' });
      await cancel.getByRole('button', { name: 'Confirmer l’annulation' }).click();
      await cancel.getByText('Saisissez entre 3 et 500 caractères.').waitFor();
      await h.expectAccessible(desk, 'web-enrolment-cancel-dialog');
      await cancel.getByLabel('Motif').fill('Inscription secondaire demandée par erreur.');
      await cancel.getByRole('button', { name: 'Confirmer l’annulation' }).click();
      await cancel.waitFor({ state: 'detached' });
      await expect.poll(() => notice(desk)).toBe('L’inscription est annulée.');
      expect(await desk.getByTestId('enrolment-status').textContent()).toBe('Annulée');
      await desk.getByText('Inscription secondaire demandée par erreur.').first().waitFor();
      await h.expectAccessible(desk, 'web-enrolment-cancelled');

      // In English.
      await desk.getByRole('combobox', { name: 'Langue' }).click();
      await desk.getByRole('option', { name: 'English' }).click();
      await desk.getByRole('heading', { level: 1, name: 'Enrolment of BERNARD Léa' }).waitFor();
      expect(await desk.getByTestId('enrolment-status').textContent()).toBe('Cancelled');
      await desk.getByText('This enrolment is cancelled: it no longer changes.').waitFor();
      await h.expectAccessible(desk, 'web-enrolment-cancelled-en');
    } finally {
      await student?.close();
      await staff?.close();
    }
    console.log(`enrolment browser scenario: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 240_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Download, Page } from 'playwright-core';
import { issueAccessToken, type TokenClaims } from '@pegase/platform';
import { chromiumPath } from '@pegase/platform/testing';
import { validatedEnrolmentPoint } from './enrolment-point.ts';
import { startWebHarness, type WebHarness } from './harness.ts';
import { pngImage } from './images.ts';

/**
 * The student's online enrolment in Chromium, on a phone, over the sandbox.
 * Made through the API as an admin: a validated formation of SCI-INFO in
 * 2026-2027 whose year is an enrolment point (TEST-ONLINE…) with its diploma
 * level for the fees, a photograph required there, the test bank as payment
 * provider, and Hugo Petit (student3) admitted there by a Parcoursup file.
 * Hugo goes from his home to the start page, tries a wrong invitation code,
 * starts from his admission, fills his identity, contacts (a wrong phone
 * first), leaves and comes back to the right step, fills his bac (a wrong
 * year first: the API's errors land beside the fields) and last year, sends
 * his photo, reads the fees, pays the first of three instalments at the
 * simulated bank, comes back paid, submits (the first try lost on the
 * network, the retry after a reload sends the same idempotency key) and
 * downloads his provisional certificate; back later, in English, the page
 * opens at the certificate. Every page is checked with axe.
 */
const YEAR = 'Année universitaire 2026-2027';
const ADMISSION = `Licence d’inscription en ligne, 1re année, ${YEAR} (Parcoursup)`;
const PHOTO = "Photographie d'identité";
const hugo: TokenClaims = { subject: 'test-hugo', login: 'student3', roles: ['student'], learnerCode: 'PGS0000003' };

describe.skipIf(chromiumPath() === undefined)('the online enrolment, in Chromium', () => {
  let h: WebHarness;
  let pointId = '';

  /** A call that may be refused (the harness's `call` expects a success), with a body of any type. */
  const raw = async (method: 'GET' | 'POST' | 'PUT', url: string, body?: string, headers: Record<string, string> = {}) => {
    const token = await issueAccessToken(h.runtime.keys, h.runtime.issuer, { subject: 'test-admin', login: 'test-admin', roles: ['admin'] }, 600);
    return h.runtime.app.inject({ method, url, headers: { authorization: `Bearer ${token}`, ...headers }, ...(body === undefined ? {} : { payload: body }) });
  };

  beforeAll(async () => {
    h = await startWebHarness();
    const validated = await validatedEnrolmentPoint(h, 'TEST-ONLINE', {
      formation: { fr: 'Licence d’inscription en ligne', en: 'Online enrolment bachelor' },
      year: { fr: 'Licence d’inscription en ligne, 1re année', en: 'Online enrolment bachelor, year 1' },
    });
    pointId = validated.pointId;
    const period = { id: validated.periodId };

    // The fees: the point's diploma level, the period's rules (the sandbox's national fees, set here if missing), the test bank.
    await h.call('PUT', `/api/payment/v1/points/${pointId}/level`, { level: 'LICENCE' });
    const rules = await raw('GET', `/api/payment/v1/periods/${period.id}/fee-rules`);
    if (rules.statusCode === 404) {
      await h.call('PUT', `/api/payment/v1/periods/${period.id}/fee-rules`, {
        levels: [{ level: 'LICENCE', labels: { fr: 'Droits d’inscription — Licence', en: 'Tuition fees — Bachelor (Licence)' }, amountCents: 17800 }],
        instalments: true,
      });
    } else {
      expect(rules.statusCode, rules.body).toBe(200);
      expect(rules.json()).toMatchObject({
        instalments: true,
        levels: expect.arrayContaining([expect.objectContaining({ level: 'LICENCE', amountCents: 17800 })]),
      });
    }
    await h.call('PUT', '/api/payment/v1/settings', { provider: 'test' });

    await h.call('POST', '/api/enrolment/v1/document-requirements', { documentType: 'PHOTO', pointId, mandatory: true });
    const imported = await raw(
      'POST',
      `/api/enrolment/v1/points/${pointId}/admissions/import?source=PARCOURSUP`,
      'numero;nom;prenoms;date_naissance;ine;email\n4410099;Petit;Hugo;2004-07-21;;hugo.petit@etu.example.org\n',
      { 'content-type': 'text/csv; charset=utf-8' },
    );
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ invited: 1 });
    await h.runtime.dispatcher.drain();
  }, 180_000);

  afterAll(async () => h?.close());

  const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  /** The step shown: its title carries aria-current="step". */
  const currentStep = (page: Page) => page.locator('[aria-current="step"]').textContent();
  /** « Enregistrer et continuer » of a step (the step left stays a moment, while it folds). */
  const save = (page: Page, step: string) => page.getByTestId(`step-${step}`).getByRole('button', { name: 'Enregistrer et continuer' }).click();
  const bytesOf = async (download: Download) => {
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };

  it('takes Hugo from his invitation to a provisional certificate, paid and submitted, on his phone', async () => {
    const started = Date.now();
    let student: BrowserContext | undefined;
    try {
      student = await h.browser.newContext({
        locale: 'fr-FR',
        bypassCSP: true,
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        acceptDownloads: true,
      });
      const phone = await student.newPage();
      await h.logIn(phone, 'student3', 'student3-sandbox');

      // His home: the admission waits for him.
      const card = phone.getByTestId('my-enrolments');
      const admission = card.getByTestId('my-admission');
      await admission.getByText(`Admission : ${ADMISSION}`).waitFor();
      expect(await noSideScroll(phone)).toBe(true);
      await h.expectAccessible(phone, 'web-enrolment-online-home');
      await admission.getByRole('link', { name: `Commencer mon inscription (${ADMISSION})` }).click();

      // The start page: régime (initial education by default) and profiles, his admission, a field for a code.
      await phone.getByRole('heading', { level: 1, name: 'Commencer mon inscription' }).waitFor();
      expect(await phone.title()).toBe('Commencer mon inscription — Pégase');
      const regime = phone.getByLabel('Régime d’inscription');
      await expect.poll(() => regime.inputValue()).toBe('FI');
      await phone.getByRole('checkbox', { name: 'Boursier sur critères sociaux' }).waitFor();
      const mine = phone.getByTestId('admission').filter({ hasText: ADMISSION });
      await mine.getByText('4410099').waitFor();
      // A code that is not his: the API's refusal lands beside the field and in the list above the form.
      await phone.getByLabel('J’ai un code d’invitation').fill('ABCDEFGH23456789');
      await phone.getByRole('button', { name: 'Commencer avec ce code' }).click();
      const unknown = 'Aucune invitation à votre nom n’a ce code : vérifiez le code de votre courriel ou de votre courrier d’admission.';
      await phone.locator('#start-code-helper-text').getByText(unknown).waitFor();
      expect(await phone.getByLabel('J’ai un code d’invitation').getAttribute('aria-invalid')).toBe('true');
      await phone
        .getByRole('alert')
        .filter({ hasText: 'Le formulaire contient une erreur' })
        .getByRole('link', { name: 'J’ai un code d’invitation' })
        .waitFor();
      expect(await noSideScroll(phone)).toBe(true);
      await h.expectAccessible(phone, 'web-enrolment-online-start');
      await mine.getByRole('button', { name: `Commencer mon inscription (${ADMISSION})` }).click();

      // The guided flow opens at its first step.
      await phone.getByRole('heading', { level: 1, name: `Mon inscription — ${YEAR}` }).waitFor();
      const enrolmentId = new URL(phone.url()).pathname.split('/').at(-1)!;
      expect(new URL(phone.url()).search).toBe('?step=identity');
      expect(await currentStep(phone)).toBe('Identité');
      expect(await phone.getByTestId('enrolment-status').textContent()).toBe('Brouillon');
      await phone.getByRole('heading', { level: 2, name: 'Identité' }).waitFor();
      await phone.getByText('21 juillet 2004').waitFor();
      await phone.getByText('Ces informations viennent de votre admission.', { exact: false }).waitFor();
      await expect.poll(() => phone.getByLabel('Sexe').inputValue()).toBe('M');
      await expect.poll(() => phone.getByLabel('Nationalité').inputValue()).toBe('109');
      expect(await noSideScroll(phone)).toBe(true);
      await h.expectAccessible(phone, 'web-enrolment-online-identity');
      await save(phone, 'identity');

      // Contacts: a phone number that is not one, then his.
      await expect.poll(() => currentStep(phone)).toBe('Coordonnées');
      await expect.poll(() => phone.evaluate(() => document.activeElement?.textContent)).toBe('Coordonnées');
      await expect.poll(() => phone.getByLabel('Adresse électronique').inputValue()).toBe('hugo.petit@etu.example.org');
      await phone.getByLabel('Téléphone').fill('appelez-moi');
      await phone.getByLabel('Numéro et voie').fill('3 place Bellecour');
      await phone.getByLabel('Code postal').fill('69002');
      await phone.getByLabel('Ville').fill('Lyon');
      await save(phone, 'contacts');
      await phone.getByText('Saisissez un numéro de 6 à 20 chiffres (espaces, points, tirets et + acceptés).').first().waitFor();
      expect(await phone.getByLabel('Téléphone').getAttribute('aria-invalid')).toBe('true');
      expect(await phone.evaluate(() => document.activeElement?.id)).toBe('contacts-phone');
      expect(await noSideScroll(phone)).toBe(true);
      await h.expectAccessible(phone, 'web-enrolment-online-contacts');
      await phone.getByLabel('Téléphone').fill('06 12 34 56 78');
      await save(phone, 'contacts');
      await expect.poll(() => currentStep(phone)).toBe('Baccalauréat et parcours');

      // He leaves midway; from his home, « Continuer » brings him back to the step he was at.
      await phone.getByRole('link', { name: 'Retour à l’accueil' }).click();
      const item = card.getByTestId('my-enrolment').filter({ hasText: `Inscription principale, ${YEAR}` });
      await item.waitFor();
      expect(await card.getByTestId('my-admission').count()).toBe(0);
      await item.getByRole('link', { name: `Continuer mon inscription (Inscription principale, ${YEAR})` }).click();
      await expect.poll(() => new URL(phone.url()).search).toBe('?step=bac');
      expect(await currentStep(phone)).toBe('Baccalauréat et parcours');
      expect(await phone.getByTestId('step-identity').getByTestId('step-state').textContent()).toBe('Complété');
      expect(await phone.getByTestId('step-contacts').getByTestId('step-state').textContent()).toBe('Complété');

      // The bac: a year before he was ten is refused by the API, and the series did not exist then; both errors land beside their fields.
      await expect.poll(() => phone.getByLabel('Année d’obtention').inputValue()).toBe('2022');
      await expect.poll(() => phone.getByLabel('Série ou type de baccalauréat').inputValue()).toBe('GENERAL');
      await phone.getByLabel('Année d’obtention').fill('2012');
      await phone.getByRole('combobox', { name: 'Situation', exact: true }).selectOption('LYCEE');
      expect(await phone.getByRole('textbox', { name: 'Année universitaire', exact: true }).inputValue()).toBe('2025');
      await phone.getByRole('textbox', { name: 'Établissement', exact: true }).fill('Lycée Ampère, Lyon');
      await save(phone, 'bac');
      await phone.locator('#bac-year-helper-text').getByText('L’année du baccalauréat doit être au moins dix ans après votre naissance.').waitFor();
      await phone.locator('#bac-series-helper-text').getByText('Cette valeur n’existait pas à cette date : choisissez-en une de la liste.').waitFor();
      await phone.getByRole('alert').getByText('Le formulaire contient 2 erreurs : corrigez les champs signalés.').waitFor();
      expect(await noSideScroll(phone)).toBe(true);
      await h.expectAccessible(phone, 'web-enrolment-online-bac');
      await phone.getByLabel('Année d’obtention').fill('2022');
      await phone.getByLabel('Mention').selectOption('AB');
      // His CVEC number, typed as it comes: checked in the page, kept in capitals.
      await phone.getByRole('textbox', { name: 'Numéro d’attestation CVEC', exact: true }).fill('lyo1 2345');
      await save(phone, 'bac');
      await phone.locator('#cvec-number-helper-text').getByText('Recopiez le numéro tel qu’il figure sur l’attestation CVEC', { exact: false }).waitFor();
      await phone.getByRole('textbox', { name: 'Numéro d’attestation CVEC', exact: true }).fill('lyo1 23456789 ab');
      await save(phone, 'bac');

      // His photo.
      await expect.poll(() => currentStep(phone)).toBe('Pièces justificatives');
      const photo = phone.getByTestId('my-document-PHOTO');
      await photo.getByRole('heading', { level: 3, name: PHOTO }).waitFor();
      await photo.getByLabel(`Fichier pour « ${PHOTO} » (PDF, JPEG ou PNG, 5 Mo au plus)`).setInputFiles({
        name: 'photo.png',
        mimeType: 'image/png',
        buffer: pngImage(48, [30, 120, 60]),
      });
      await photo.getByRole('button', { name: `Envoyer le fichier pour « ${PHOTO} »` }).click();
      await photo.getByText(`Fichier reçu pour « ${PHOTO} » : il va être vérifié.`).waitFor();
      await expect.poll(() => phone.getByTestId('step-documents').getByTestId('step-state').textContent()).toBe('Complété');
      expect(await noSideScroll(phone)).toBe(true);
      await h.expectAccessible(phone, 'web-enrolment-online-documents');
      await phone.getByTestId('step-documents').getByRole('button', { name: 'Continuer', exact: true }).click();

      // The fees with their breakdown; he pays in three instalments.
      await expect.poll(() => currentStep(phone)).toBe('Droits d’inscription');
      const breakdown = phone.getByTestId('fees-breakdown');
      await breakdown.getByText('Droits d’inscription — Licence').waitFor();
      expect(await phone.getByTestId('fees-total').textContent()).toBe('178,00\u00a0€');
      expect(await breakdown.locator('caption').textContent()).toBe('Détail des droits');
      await phone.getByRole('radio', { name: 'En trois fois, un mois d’écart : 59,34\u00a0€ + 59,33\u00a0€ + 59,33\u00a0€' }).check();
      expect(await noSideScroll(phone)).toBe(true);
      await h.expectAccessible(phone, 'web-enrolment-online-fees');
      await phone.getByRole('button', { name: 'Payer 59,34\u00a0€' }).click();

      // The simulated bank, then back to the enrolment, which learns of the payment a moment later.
      await phone.getByRole('heading', { level: 1, name: 'Paiement des droits d’inscription' }).waitFor();
      expect(new URL(phone.url()).pathname).toMatch(/^\/api\/payment\/v1\/provider\/test\/pages\//);
      expect(await noSideScroll(phone)).toBe(true);
      await h.expectAccessible(phone, 'web-enrolment-online-bank');
      await phone.getByRole('button', { name: 'Payer', exact: true }).click();
      await phone.getByRole('heading', { level: 1, name: `Mon inscription — ${YEAR}` }).waitFor();
      const back = new URL(phone.url());
      expect(back.pathname).toBe(`/my-enrolment/${enrolmentId}`);
      expect(back.searchParams.get('step')).toBe('fees');
      expect(back.searchParams.get('status')).toBe('paid');
      await phone
        .getByTestId('bank-return')
        .getByText(/^La banque a accepté votre paiement/)
        .waitFor();
      await expect.poll(() => phone.getByTestId('payment-status').textContent(), { timeout: 20_000 }).toBe('Payés');
      const schedule = phone.getByTestId('payment-schedule').locator('li');
      await expect.poll(() => schedule.count()).toBe(3);
      expect(await schedule.first().textContent()).toMatch(/^Échéance 1 du \d{1,2} \S+ 20\d\d : 59,34\u00a0€, payée$/);
      expect(await schedule.nth(1).textContent()).toMatch(/, à venir$/);
      await phone.getByTestId('step-fees').getByRole('button', { name: 'Continuer', exact: true }).click();

      // The submission: complete; the first try is lost on the network, the retry after a reload sends the same key.
      await expect.poll(() => currentStep(phone)).toBe('Envoi');
      await phone.getByTestId('ready').getByText('Votre dossier est complet : vous pouvez l’envoyer.').waitFor();
      expect(await noSideScroll(phone)).toBe(true);
      await h.expectAccessible(phone, 'web-enrolment-online-submit');
      const keys: string[] = [];
      await phone.route('**/api/enrolment/v1/me/enrolments/*/submit', async (route) => {
        keys.push(route.request().headers()['idempotency-key'] ?? '');
        if (keys.length === 1) await route.abort('internetdisconnected');
        else await route.continue();
      });
      await phone.getByRole('button', { name: 'Envoyer mon dossier' }).click();
      await phone.getByText('Le serveur est injoignable.').waitFor();
      await phone.reload();
      await phone.getByRole('button', { name: 'Envoyer mon dossier' }).click();
      await expect.poll(() => currentStep(phone)).toBe('Attestation');
      expect(keys).toHaveLength(2);
      expect(keys[1]).toBe(keys[0]);
      expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{8,100}$/);
      await phone.unroute('**/api/enrolment/v1/me/enrolments/*/submit');
      expect(await phone.getByTestId('enrolment-status').textContent()).toBe('Soumise');
      // The same key again is the same submission.
      const again = await h.call<{ status: string; submittedAt: string; cvecNumber: string | null }>(
        'POST',
        `/api/enrolment/v1/me/enrolments/${enrolmentId}/submit`,
        undefined,
        hugo,
        {
          'idempotency-key': keys[0]!,
        },
      );
      expect(again.status).toBe('submitted');
      expect(again.cvecNumber).toBe('LYO1 23456789 AB');

      // The provisional certificate, downloaded with his token; its verification code says provisional.
      await phone.getByText(/^Votre attestation d’inscription est provisoire/).waitFor();
      const [download] = await Promise.all([phone.waitForEvent('download'), phone.getByRole('button', { name: 'Télécharger en français (PDF)' }).click()]);
      expect(download.suggestedFilename()).toBe('attestation-inscription-provisoire.pdf');
      expect((await bytesOf(download)).subarray(0, 4).toString('latin1')).toBe('%PDF');
      const code = (await phone.getByTestId('certificate-code').textContent()) ?? '';
      expect(code).not.toBe('');
      const verified = await raw('GET', `/api/documents/v1/verify/${encodeURIComponent(code)}`, undefined, { accept: 'application/json' });
      expect(verified.statusCode, verified.body).toBe(200);
      expect(verified.json()).toMatchObject({ provisional: true, revokedAt: null });
      await phone.getByRole('link', { name: 'Ouvrir l’attestation en français' }).waitFor();
      expect(await noSideScroll(phone)).toBe(true);
      await h.expectAccessible(phone, 'web-enrolment-online-certificate');

      // Submitted, the form steps are read-only.
      await phone.getByRole('link', { name: 'Coordonnées', exact: true }).click();
      await expect.poll(() => currentStep(phone)).toBe('Coordonnées');
      await phone.getByText('06 12 34 56 78').waitFor();
      expect(await phone.getByRole('button', { name: 'Enregistrer et continuer' }).count()).toBe(0);
      expect(await phone.getByTestId('step-contacts').locator('input, select').count()).toBe(0);

      // His home: the enrolment, submitted and paid, to see.
      await phone.getByRole('link', { name: 'Retour à l’accueil' }).click();
      await expect.poll(() => item.getByTestId('enrolment-status').textContent()).toBe('Soumise');
      expect(await item.getByTestId('payment-status').textContent()).toBe('Payés');
      await item.getByRole('link', { name: `Voir mon inscription (Inscription principale, ${YEAR})` }).waitFor();

      // In English, coming back opens the certificate (submitted, paid).
      await phone.getByRole('combobox', { name: 'Langue' }).click();
      await phone.getByRole('option', { name: 'English' }).click();
      await card
        .getByTestId('my-enrolment')
        .getByRole('link', { name: /^See my enrolment \(Main enrolment, / })
        .click();
      await phone.getByRole('heading', { level: 1, name: /^My enrolment — / }).waitFor();
      await expect.poll(() => currentStep(phone)).toBe('Certificate');
      await phone.getByText(/^Your certificate of enrolment is provisional/).waitFor();
      expect(await phone.getByTestId('step-fees').getByTestId('step-state').textContent()).toBe('Complete');
      expect(await noSideScroll(phone)).toBe(true);
      await h.expectAccessible(phone, 'web-enrolment-online-certificate-en');
    } finally {
      await student?.close();
    }
    console.log(`online enrolment browser scenario: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 300_000);
});

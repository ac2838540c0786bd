import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { chromiumPath } from '@pegase/platform/testing';
import { learnerId, validatedEnrolmentPoint } from './enrolment-point.ts';
import { startWebHarness, type WebHarness } from './harness.ts';

/**
 * The queue's bulk actions in Chromium, over the sandbox. Made through the
 * API as an admin: a formation of SCI-INFO whose year is an enrolment point
 * (TEST-BULK…), and submitted secondary enrolments of Hugo Petit, whose fees
 * are waived, and of Éloïse Lefèvre, whose fees are not settled. Staff
 * select both (one with the keyboard) and validate them together: Hugo's
 * goes through, Éloïse's fails and the report says why; in English, they
 * cancel hers with a reason. Every state is checked with axe.
 */
const POINT_PATH = 'TEST-BULK>TEST-BULK-L1';
const HUGO = `PGS0000003 PETIT Hugo, ${POINT_PATH}`;
const ELOISE = `PGS0000004 LEFÈVRE (Nguyễn) Éloïse, ${POINT_PATH}`;

describe.skipIf(chromiumPath() === undefined)('bulk actions in the enrolments queue, in Chromium', () => {
  let h: WebHarness;
  const ids = { hugo: '', eloise: '' };

  beforeAll(async () => {
    h = await startWebHarness();
    const { pointId } = await validatedEnrolmentPoint(h, 'TEST-BULK', {
      formation: { fr: 'Licence de test des actions groupées', en: 'Bulk actions test bachelor' },
      year: { fr: 'Licence de test, 1re année', en: 'Test bachelor, year 1' },
    });
    const point = { id: pointId };

    const learner = (code: string) => learnerId(h, code);
    const submitted = async (code: string) => {
      const enrolment = await h.call('POST', '/api/enrolment/v1/enrolments', {
        learnerId: await learner(code),
        pointId: point.id,
        origin: 'MANUELLE',
        kind: 'secondary',
        regime: 'FI',
      });
      await h.call('POST', `/api/enrolment/v1/enrolments/${enrolment.id}/submit`, undefined, undefined, { 'idempotency-key': `web-bulk-${code}` });
      return enrolment.id;
    };
    ids.hugo = await submitted('PGS0000003');
    ids.eloise = await submitted('PGS0000004');
    // The payment module may ask for the fees on submission: Hugo's are waived after that.
    await h.runtime.dispatcher.drain();
    await h.call('PUT', `/api/enrolment/v1/enrolments/${ids.hugo}/payment-status`, { paymentStatus: 'exempt' });
    await h.runtime.dispatcher.drain();
  }, 180_000);

  afterAll(async () => h?.close());

  const rows = (page: Page) => page.locator('tbody tr', { hasText: POINT_PATH });
  const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName);

  it('validates two selected enrolments at once, reports the one that fails and why, then cancels it with a reason', async () => {
    let staff: BrowserContext | undefined;
    try {
      staff = await h.browser.newContext({ locale: 'fr-FR', bypassCSP: true, viewport: { width: 1280, height: 900 } });
      const desk = await staff.newPage();
      await h.logIn(desk, 'staff', 'staff-sandbox');
      await desk.goto(`${h.base}/enrolments?status=submitted`);
      await desk.getByRole('heading', { level: 1, name: 'Inscriptions' }).waitFor();
      await expect.poll(() => rows(desk).count()).toBe(2);
      expect(await desk.getByTestId('bulk-report').getAttribute('role')).toBe('status');
      expect(await desk.getByTestId('bulk-actions').count()).toBe(0);

      // Labelled check boxes: the page's, and one per row naming the learner and the point. Hugo's with the mouse, Éloïse's with the keyboard.
      const all = desk.getByRole('checkbox', { name: 'Sélectionner toutes les lignes de cette page' });
      expect(await all.isChecked()).toBe(false);
      await desk.getByRole('checkbox', { name: `Sélectionner ${HUGO}` }).check();
      expect(await all.evaluate((input) => (input as HTMLInputElement).indeterminate)).toBe(true);
      await desk.getByRole('checkbox', { name: `Sélectionner ${ELOISE}` }).focus();
      await desk.keyboard.press('Space');
      expect(await desk.getByRole('checkbox', { name: `Sélectionner ${ELOISE}` }).isChecked()).toBe(true);
      expect(await all.isChecked()).toBe(true);
      const actions = desk.getByRole('group', { name: 'Actions sur les inscriptions sélectionnées' });
      await actions.getByText('2 inscriptions sélectionnées').waitFor();
      // The page's box empties the selection, and fills it again.
      await all.uncheck();
      expect(await actions.count()).toBe(0);
      await all.focus();
      await desk.keyboard.press('Space');
      await actions.getByText('2 inscriptions sélectionnées').waitFor();
      await h.expectAccessible(desk, 'web-enrolment-bulk-selected');

      // Validated together: Hugo's goes through, Éloïse's fees are not settled.
      await actions.getByRole('button', { name: 'Valider (2)' }).click();
      const summary = desk.getByTestId('bulk-summary');
      await expect.poll(() => summary.textContent()).toBe('1 validée, 1 en échec');
      expect(await desk.getByTestId('bulk-failure').allTextContents()).toEqual([
        expect.stringContaining(`${ELOISE} : Les droits ne sont ni payés ni exonérés : l’inscription ne peut pas encore être validée.`),
      ]);
      expect(await focused(desk)).toBe('bulk-summary');
      // The queue of submitted enrolments is refreshed: Éloïse's remains, not selected; Hugo's is validated.
      await expect.poll(() => rows(desk).count()).toBe(1);
      expect(await rows(desk).locator('td').nth(1).textContent()).toBe('PGS0000004');
      expect(await desk.getByRole('checkbox', { name: `Sélectionner ${ELOISE}` }).isChecked()).toBe(false);
      expect(await actions.count()).toBe(0);
      expect((await h.call<{ status: string }>('GET', `/api/enrolment/v1/enrolments/${ids.hugo}`)).status).toBe('validated');
      await h.expectAccessible(desk, 'web-enrolment-bulk-result');

      // In English: the report in English, then Éloïse's enrolment cancelled with a reason, which the dialog asks for.
      await desk.getByRole('combobox', { name: 'Langue' }).click();
      await desk.getByRole('option', { name: 'English' }).click();
      await expect.poll(() => summary.textContent()).toBe('1 validated, 1 failed');
      expect(await desk.getByTestId('bulk-failure').first().textContent()).toContain(
        `${ELOISE}: The fees are neither paid nor waived: the enrolment cannot be validated yet.`,
      );
      await desk.getByRole('checkbox', { name: `Select ${ELOISE}` }).check();
      await desk.getByRole('group', { name: 'Actions on the selected enrolments' }).getByRole('button', { name: 'Cancel (1)' }).click();
      const dialog = desk.getByRole('dialog', { name: 'Cancel 1 enrolment' });
      await dialog.getByRole('button', { name: 'Confirm the cancellation' }).click();
      await dialog.getByText('Enter between 3 and 500 characters.').waitFor();
      await h.expectAccessible(desk, 'web-enrolment-bulk-cancel-dialog');
      await dialog.getByLabel('Reason').fill('Enrolled at this point by mistake.');
      await dialog.getByRole('button', { name: 'Confirm the cancellation' }).click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => summary.textContent()).toBe('1 cancelled');
      expect(await desk.getByTestId('bulk-failure').count()).toBe(0);
      await expect.poll(() => focused(desk)).toBe('bulk-summary');
      await expect.poll(() => rows(desk).count()).toBe(0);
      expect(await h.call<{ status: string; cancelReason: string }>('GET', `/api/enrolment/v1/enrolments/${ids.eloise}`)).toMatchObject({
        status: 'cancelled',
        cancelReason: 'Enrolled at this point by mistake.',
      });
      await h.expectAccessible(desk, 'web-enrolment-bulk-cancelled-en');
    } finally {
      await staff?.close();
    }
  }, 240_000);
});

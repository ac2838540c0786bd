import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '@pegase/platform';
import { paymentRuntime, staffOf, student } from '../../../test/payment-fixture.ts';
import { sign } from '../provider/signature.ts';
import { testProviderSecret } from '../provider/test-provider.ts';

const api = '/api/payment/v1';
const ada = student('PGS0000001');
const bob = student('PGS0000002');

describe('payments through the test provider over HTTP', () => {
  let f: Awaited<ReturnType<typeof paymentRuntime>>;
  let enrolmentId: string;
  const enrolmentStatus = async (id: string) => (await f.runtime.request('GET', `/api/enrolment/v1/enrolments/${id}`)).json().paymentStatus as string;
  const start = (id: string, body: unknown, as = ada) => f.runtime.request('POST', `${api}/me/enrolments/${id}/payments`, body, {}, as);
  const count = async (table: string) =>
    Number((await rowsOf<{ n: number }>(f.runtime.database.db, sql.raw(`select count(*)::int as n from payment.${table}`)))[0]!.n);

  beforeAll(async () => {
    f = await paymentRuntime();
    enrolmentId = (await f.enrol(f.ada.id, f.point.id)).id;
  });
  afterAll(async () => f.runtime.close());

  it('refuses a student a payment on another learner’s enrolment (404), and instalments the period does not offer', async () => {
    const stranger = await start(enrolmentId, { instalments: 1 }, bob);
    expect(stranger.json()).toMatchObject({ status: 404, type: 'urn:pegase:problem:not-found' });
    const two = await start(enrolmentId, { instalments: 2 });
    expect(two.statusCode).toBe(400);
    const offsite = await start(enrolmentId, { instalments: 1, returnPath: '//evil.example/steal' });
    expect(offsite.statusCode).toBe(400);
    expect(await count('payments')).toBe(0);
  });

  it('goes round the test provider: start, bank page, pay, signed callback, and the enrolment’s fees become paid', async () => {
    const started = await start(enrolmentId, { instalments: 1, returnPath: '/mes-inscriptions' });
    expect(started.statusCode, started.body).toBe(201);
    const { paymentId, redirectUrl, payment } = started.json();
    expect(payment).toMatchObject({ status: 'pending', totalCents: 17800, paidCents: 0, instalments: [{ number: 1, amountCents: 17800, status: 'due' }] });
    expect(redirectUrl).toMatch(new RegExp(`^/api/payment/v1/provider/test/pages/${paymentId}\\?session=[A-Za-z0-9_-]+$`));

    const bank = await f.runtime.request('GET', redirectUrl, undefined, { 'accept-language': 'fr-FR,fr;q=0.9' }, null);
    expect(bank.statusCode).toBe(200);
    expect(bank.headers['content-type']).toMatch(/^text\/html/);
    expect(bank.headers['content-security-policy']).toContain("form-action 'self'");
    const html = bank.body;
    expect(html).toContain('<html lang="fr">');
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toContain('178,00\u00a0€');
    expect(html).toMatch(/<button type="submit" name="decision" value="pay">Payer<\/button>/);
    expect(html).toMatch(/<button type="submit" name="decision" value="refuse">Refuser<\/button>/);
    expect(html).not.toMatch(/card|carte bancaire|cvv/i);
    const english = await f.runtime.request('GET', `${redirectUrl}&lang=en`, undefined, {}, null);
    expect(english.body).toContain('<html lang="en">');
    expect(english.body).toContain('€178.00');
    const wrongSession = await f.runtime.request('GET', `${api}/provider/test/pages/${paymentId}?session=guess`, undefined, {}, null);
    expect(wrongSession.statusCode).toBe(404);

    const session = new URL(redirectUrl, 'http://x').searchParams.get('session')!;
    const form = (decision: string) =>
      f.runtime.request(
        'POST',
        `${api}/provider/test/pages/${paymentId}`,
        `session=${session}&decision=${decision}&lang=fr`,
        {
          'content-type': 'application/x-www-form-urlencoded',
        },
        null,
      );
    const paid = await form('pay');
    expect(paid.statusCode, paid.body).toBe(303);
    expect(paid.headers.location).toBe(`/mes-inscriptions?payment=${paymentId}&status=paid`);
    // Pressed again (a double click): the bank has nothing more to take; nothing changes.
    expect((await form('pay')).statusCode).toBe(303);
    expect(await count('provider_transactions')).toBe(1);

    const read = (await f.runtime.request('GET', `${api}/payments/${paymentId}`, undefined, {}, staffOf('UFR-E'))).json();
    expect(read).toMatchObject({ status: 'paid', paidCents: 17800, refundedCents: 0, instalments: [{ status: 'paid' }] });
    expect(await enrolmentStatus(enrolmentId)).toBe('unpaid');
    await f.runtime.drainEvents();
    expect(await enrolmentStatus(enrolmentId)).toBe('paid');
    const history = (await f.runtime.request('GET', `/api/enrolment/v1/enrolments/${enrolmentId}/history`)).json().items;
    expect(history[0]).toMatchObject({ action: 'enrolment.payment-changed', after: expect.objectContaining({ paymentStatus: 'paid' }) });

    const again = await start(enrolmentId, { instalments: 1 });
    expect(again.json()).toMatchObject({ status: 409, type: 'urn:pegase:problem:fees-settled' });
    const mine = (await f.runtime.request('GET', `${api}/me/enrolments/${enrolmentId}/payments`, undefined, {}, ada)).json();
    expect(mine.map((p: { id: string; status: string }) => [p.id, p.status])).toEqual([[paymentId, 'paid']]);
  });

  it('refuses a callback with a bad signature (401) and changes nothing; the same callback twice is one payment', async () => {
    const enrolment = await f.enrol(f.bob.id, f.lawPoint.id);
    const started = (await start(enrolment.id, { instalments: 3 }, bob)).json();
    expect(started.payment.instalments.map((i: { amountCents: number }) => i.amountCents)).toEqual([8654, 8653, 8653]);
    expect(started.payment.instalments.reduce((sum: number, i: { amountCents: number }) => sum + i.amountCents, 0)).toBe(started.payment.totalCents);
    const body = { transactionId: 'BANK-TX-0001', paymentId: started.paymentId, instalment: 1, outcome: 'paid', amountCents: 8654 };
    const before = { payments: await count('payments'), transactions: await count('provider_transactions') };

    const forged = await f.callback(body, 'not-the-secret');
    expect(forged.json()).toMatchObject({ status: 401, type: 'urn:pegase:problem:invalid-signature' });
    const unsigned = await f.runtime.request('POST', `${api}/provider/test/callback`, body, {}, null);
    expect(unsigned.statusCode).toBe(401);
    // Signed right, then changed on the way: the signature covers the raw bytes.
    const signature = sign(JSON.stringify(body), await testProviderSecret(f.runtime.database.db));
    const tampered = await f.runtime.request(
      'POST',
      `${api}/provider/test/callback`,
      JSON.stringify({ ...body, amountCents: 1 }),
      { 'content-type': 'application/json', 'x-pegase-signature': signature },
      null,
    );
    expect(tampered.statusCode).toBe(401);
    expect(await count('provider_transactions')).toBe(before.transactions);
    expect((await f.runtime.request('GET', `${api}/payments/${started.paymentId}`)).json()).toMatchObject({ status: 'pending', paidCents: 0 });

    const first = await f.callback(body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ result: 'applied', paymentId: started.paymentId, status: 'paid' });
    const second = await f.callback(body);
    expect(second.json()).toEqual({ result: 'duplicate', paymentId: started.paymentId, status: 'paid' });
    expect(await count('provider_transactions')).toBe(before.transactions + 1);
    expect(await count('payments')).toBe(before.payments);
    const payment = (await f.runtime.request('GET', `${api}/payments/${started.paymentId}`)).json();
    expect(payment).toMatchObject({ status: 'paid', paidCents: 8654, version: 2 });
    expect(payment.instalments.map((i: { status: string }) => i.status)).toEqual(['paid', 'due', 'due']);
    const received = await rowsOf<{ n: number }>(
      f.runtime.database.db,
      sql`select count(*)::int as n from pegase_platform.outbox where type = 'payment.payment.received' and subject = ${started.paymentId}`,
    );
    expect(received[0]!.n).toBe(1);

    // The first instalment is enough for the enrolment's fees to count as paid.
    await f.runtime.drainEvents();
    expect(await enrolmentStatus(enrolment.id)).toBe('paid');

    // A later instalment, collected at its date by the provider.
    const wrongAmount = await f.callback({ ...body, transactionId: 'BANK-TX-0002', instalment: 2, amountCents: 8654 });
    expect(wrongAmount.json()).toMatchObject({ status: 422, type: 'urn:pegase:problem:amount-mismatch' });
    const secondInstalment = await f.callback({ ...body, transactionId: 'BANK-TX-0002', instalment: 2, amountCents: 8653 });
    expect(secondInstalment.json()).toMatchObject({ result: 'applied', status: 'paid' });
    expect((await f.runtime.request('GET', `${api}/payments/${started.paymentId}`)).json().paidCents).toBe(8654 + 8653);
  });

  it('records refunds up to what was paid, never more (422), and staff of other structures cannot refund', async () => {
    const [payment] = (await f.runtime.request('GET', `${api}/enrolments/${enrolmentId}/payments`, undefined, {}, staffOf('UFR-E'))).json();
    const refund = (body: unknown, as = staffOf('UFR-E')) => f.runtime.request('POST', `${api}/payments/${payment.id}/refunds`, body, {}, as);

    const tooMuch = await refund({ amountCents: 17801, reason: 'Trop perçu' });
    expect(tooMuch.json()).toMatchObject({ status: 422, type: 'urn:pegase:problem:refund-exceeds-paid' });
    const elsewhere = await refund({ amountCents: 100, reason: 'Erreur' }, staffOf('UFR-L'));
    expect(elsewhere.json()).toMatchObject({ status: 403, type: 'urn:pegase:problem:outside-scope' });
    const byStudent = await refund({ amountCents: 100, reason: 'Erreur' }, ada);
    expect(byStudent.statusCode).toBe(403);
    const noReason = await refund({ amountCents: 100 });
    expect(noReason.statusCode).toBe(400);

    const partial = await refund({ amountCents: 5000, reason: 'Désistement partiel' });
    expect(partial.statusCode, partial.body).toBe(201);
    expect(partial.json()).toMatchObject({ status: 'paid', paidCents: 17800, refundedCents: 5000 });
    expect(partial.json().refunds).toEqual([
      expect.objectContaining({
        amountCents: 5000,
        reason: 'Désistement partiel',
        createdBy: 'staff.ufr-e',
        providerReference: expect.stringMatching(/^TEST-REFUND-/),
      }),
    ]);
    const rest = await refund({ amountCents: 12801, reason: 'Le reste et un centime' });
    expect(rest.json()).toMatchObject({ status: 422, type: 'urn:pegase:problem:refund-exceeds-paid' });
    const all = await refund({ amountCents: 12800, reason: 'Le reste' });
    expect(all.json()).toMatchObject({ refundedCents: 17800 });
    const events = await rowsOf<{ n: number }>(
      f.runtime.database.db,
      sql`select count(*)::int as n from pegase_platform.outbox where type = 'payment.payment.refunded' and subject = ${payment.id}`,
    );
    expect(events[0]!.n).toBe(2);

    // Recorded, never deleted: not even by the database's own role.
    await expect(f.runtime.database.db.execute(sql`delete from payment.refunds`)).rejects.toThrow();
    expect(await count('refunds')).toBe(2);
  });

  it('fails a payment refused at the bank, and a newer start replaces a pending one', async () => {
    const enrolment = await f.enrol(f.ada.id, f.lawPoint.id, ['SALARIE']);
    const abandoned = (await start(enrolment.id, { instalments: 1 })).json();
    expect(abandoned.payment.totalCents).toBe(25450 - 5000 + 510);
    const started = (await start(enrolment.id, { instalments: 3 })).json();
    expect((await f.runtime.request('GET', `${api}/payments/${abandoned.paymentId}`)).json()).toMatchObject({
      status: 'failed',
      failureReason: 'Replaced by a newer payment.',
    });
    const session = new URL(started.redirectUrl, 'http://x').searchParams.get('session')!;
    const refused = await f.runtime.request(
      'POST',
      `${api}/provider/test/pages/${started.paymentId}`,
      `session=${session}&decision=refuse`,
      {
        'content-type': 'application/x-www-form-urlencoded',
      },
      null,
    );
    expect(refused.statusCode).toBe(303);
    expect(refused.headers.location).toBe(`/?payment=${started.paymentId}&status=failed`);
    expect((await f.runtime.request('GET', `${api}/payments/${started.paymentId}`)).json()).toMatchObject({ status: 'failed', paidCents: 0 });
    await f.runtime.drainEvents();
    expect(await enrolmentStatus(enrolment.id)).toBe('unpaid');
    // The student may try again.
    expect((await start(enrolment.id, { instalments: 1 })).statusCode).toBe(201);
  });
});

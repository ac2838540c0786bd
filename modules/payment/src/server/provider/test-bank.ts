import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { escapeHtml, notFound, type ModuleApp, type ModuleContext } from '@pegase/platform';
import { IdParams } from '@pegase/referential/contract';
import type { Payment } from '../../contract/index.ts';
import { toPayment } from '../payments/payment-queries.ts';
import { payments } from '../shared/tables.ts';
import { SIGNATURE_HEADER, sign } from './signature.ts';
import { TEST_BANK_PATH, TEST_CALLBACK_PATH } from './test-provider.ts';

type Lang = 'fr' | 'en';

const TEXT = {
  fr: {
    title: 'Banque de test Pégase',
    notice: 'Banque simulée du bac à sable : aucune carte n’est demandée et aucun argent n’est débité.',
    heading: 'Paiement des droits d’inscription',
    breakdown: 'Détail des droits',
    line: 'Ligne',
    amount: 'Montant',
    total: 'Total',
    schedule: 'Échéancier',
    instalment: 'Échéance',
    due: 'Date',
    status: 'État',
    statuses: { due: 'à payer', paid: 'payée', failed: 'refusée' },
    now: (amount: string, n: number, count: number) => `Montant débité maintenant : ${amount} (échéance ${n} sur ${count}).`,
    pay: 'Payer',
    refuse: 'Refuser',
    done: 'Ce paiement n’attend plus rien de la banque.',
    back: 'Revenir à Pégase',
    other: { lang: 'en', label: 'English' },
    failed: 'La banque n’a pas pu prévenir Pégase. Réessayez.',
  },
  en: {
    title: 'Pégase test bank',
    notice: 'Simulated bank of the sandbox: no card is asked for and no money is taken.',
    heading: 'Payment of the enrolment fees',
    breakdown: 'Breakdown of the fees',
    line: 'Line',
    amount: 'Amount',
    total: 'Total',
    schedule: 'Instalments',
    instalment: 'Instalment',
    due: 'Date',
    status: 'Status',
    statuses: { due: 'due', paid: 'paid', failed: 'refused' },
    now: (amount: string, n: number, count: number) => `Amount taken now: ${amount} (instalment ${n} of ${count}).`,
    pay: 'Pay',
    refuse: 'Refuse',
    done: 'This payment expects nothing more from the bank.',
    back: 'Back to Pégase',
    other: { lang: 'fr', label: 'Français' },
    failed: 'The bank could not notify Pégase. Try again.',
  },
} as const;

const escape = escapeHtml;

/** Building an Intl formatter costs more than formatting: one per language, kept. */
const dayFormats: Record<Lang, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** A due date (YYYY-MM-DD) as people read it: « 15 janvier 2027 », "15 January 2027". */
function formatDay(day: string, lang: Lang): string {
  return dayFormats[lang].format(new Date(`${day}T12:00:00Z`));
}

/** Cents as euros, in integer arithmetic: 1234567 → « 12 345,67 € » or « €12,345.67 ». */
export function formatCents(cents: number, lang: Lang): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const euros = String((abs - (abs % 100)) / 100).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'fr' ? '\u202f' : ',');
  const rest = String(abs % 100).padStart(2, '0');
  return lang === 'fr' ? `${sign}${euros},${rest}\u00a0€` : `${sign}€${euros}.${rest}`;
}

function langOf(query: string | undefined, acceptLanguage: string | undefined): Lang {
  if (query === 'fr' || query === 'en') return query;
  return /^\s*en\b/i.test(acceptLanguage ?? '') ? 'en' : 'fr';
}

/** The next instalment the bank may take: the first while the payment is pending, then the next due one of a paid payment. */
function nextInstalment(payment: Payment) {
  if (payment.status === 'failed') return undefined;
  return payment.instalments.find((instalment) => instalment.status === 'due');
}

function page(lang: Lang, payment: Payment, session: string, returnPath: string, message?: string): string {
  const t = TEXT[lang];
  const next = nextInstalment(payment);
  const label = (labels: { fr: string; en?: string }) => escape(lang === 'en' ? (labels.en ?? labels.fr) : labels.fr);
  const lines = payment.lines.map((line) => `<tr><td>${label(line.labels)}</td><td>${formatCents(line.amountCents, lang)}</td></tr>`).join('');
  const schedule = payment.instalments
    .map(
      (instalment) =>
        `<tr><td>${instalment.number}</td><td>${formatDay(instalment.dueDate, lang)}</td><td>${formatCents(instalment.amountCents, lang)}</td><td>${t.statuses[instalment.status]}</td></tr>`,
    )
    .join('');
  const action = `${TEST_BANK_PATH}/${payment.id}`;
  const form =
    next === undefined
      ? `<p>${t.done}</p>`
      : `<form method="post" action="${action}" aria-describedby="amount-now">
      <input type="hidden" name="session" value="${escape(session)}">
      <input type="hidden" name="lang" value="${lang}">
      <p id="amount-now">${t.now(formatCents(next.amountCents, lang), next.number, payment.instalments.length)}</p>
      <button type="submit" name="decision" value="pay">${t.pay}</button>
      <button type="submit" name="decision" value="refuse">${t.refuse}</button>
    </form>`;
  return `<!doctype html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${t.title}</title>
  <style>
    body { font-family: system-ui, sans-serif; margin: 0; color: #1b1b1b; background: #f6f6f6; }
    main { max-width: 40rem; margin: 2rem auto; padding: 1.5rem; background: #fff; border-radius: 8px; }
    .notice { padding: .75rem; background: #fff4e5; border-left: 4px solid #b34000; }
    table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
    caption { text-align: left; font-weight: 600; padding: .5rem 0; }
    th, td { text-align: left; padding: .4rem; border-bottom: 1px solid #ccc; }
    button { font-size: 1rem; padding: .6rem 1.4rem; margin-right: 1rem; border-radius: 4px; border: 2px solid #000091; cursor: pointer; }
    button[value="pay"] { background: #000091; color: #fff; }
    button[value="refuse"] { background: #fff; color: #000091; }
    button:focus-visible, a:focus-visible { outline: 3px solid #0a76f6; outline-offset: 2px; }
  </style>
</head>
<body>
  <main>
    <p class="notice">${t.notice}</p>
    <p><a href="${action}?session=${encodeURIComponent(session)}&amp;lang=${t.other.lang}" lang="${t.other.lang}" hreflang="${t.other.lang}">${t.other.label}</a></p>
    <h1>${t.heading}</h1>
    ${message === undefined ? '' : `<p role="alert">${escape(message)}</p>`}
    <table>
      <caption>${t.breakdown}</caption>
      <thead><tr><th scope="col">${t.line}</th><th scope="col">${t.amount}</th></tr></thead>
      <tbody>${lines}</tbody>
      <tfoot><tr><th scope="row">${t.total}</th><td>${formatCents(payment.totalCents, lang)}</td></tr></tfoot>
    </table>
    <table>
      <caption>${t.schedule}</caption>
      <thead><tr><th scope="col">${t.instalment}</th><th scope="col">${t.due}</th><th scope="col">${t.amount}</th><th scope="col">${t.status}</th></tr></thead>
      <tbody>${schedule}</tbody>
    </table>
    ${form}
    <p><a href="${escape(returnPath)}">${t.back}</a></p>
  </main>
</body>
</html>`;
}

const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
};

const Html = { description: 'An HTML page.', content: { 'text/html': { schema: Type.String() } } };
const PageQuery = Type.Object(
  {
    session: Type.String({ minLength: 1, maxLength: 100, description: 'The session the provider opened (in the redirectUrl).' }),
    lang: Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')])),
  },
  { additionalProperties: false },
);
const Decision = Type.Object(
  {
    session: Type.String({ minLength: 1, maxLength: 100 }),
    decision: Type.Union([Type.Literal('pay'), Type.Literal('refuse')]),
    lang: Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')])),
  },
  { additionalProperties: false },
);

/**
 * The test provider's bank: a page (French or English) showing the
 * breakdown, the schedule and two buttons; pressing one makes the bank call
 * the module back as a provider does — a JSON body signed with the shared
 * secret, to POST /provider/test/callback — and sends the browser back to
 * the return path. The transaction id is the payment and instalment, so
 * pressing twice is one callback.
 */
export async function testBankRoutes(app: ModuleApp, context: ModuleContext, secret: () => Promise<string>): Promise<void> {
  const sessionPayment = async (id: string, session: string) => {
    const [row] = await context.db.select().from(payments).where(eq(payments.id, id));
    if (row === undefined || row.provider !== 'test' || row.providerSession !== session) throw notFound('Payment session', id);
    return { row, payment: await toPayment(context.db, row) };
  };

  app.get(
    '/provider/test/pages/:id',
    {
      config: { access: { public: true } },
      schema: {
        summary: 'Test provider: the simulated bank page of a payment (HTML, French or English), with « Payer » and « Refuser ». Sandbox only.',
        operationId: 'testBankPage',
        params: IdParams,
        querystring: PageQuery,
        response: { 200: Html },
      },
    },
    async (request, reply) => {
      const { row, payment } = await sessionPayment(request.params.id, request.query.session);
      return reply
        .headers(PAGE_HEADERS)
        .send(page(langOf(request.query.lang, request.headers['accept-language']), payment, request.query.session, row.returnPath));
    },
  );

  await app.register(async (plugin) => {
    const scope = plugin as unknown as ModuleApp;
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );
    scope.post(
      '/provider/test/pages/:id',
      {
        config: { access: { public: true } },
        schema: {
          summary: 'Test provider: the bank page’s form. The bank calls back (signed) with the outcome, then sends the browser back (303) to the return path.',
          operationId: 'testBankDecide',
          consumes: ['application/x-www-form-urlencoded'],
          params: IdParams,
          body: Decision,
          response: { 303: { description: 'Back to Pégase: the return path with ?payment=<id>&status=pending|paid|failed.' }, 502: Html },
        },
      },
      async (request, reply) => {
        const { row, payment } = await sessionPayment(request.params.id, request.body.session);
        const lang = langOf(request.body.lang, request.headers['accept-language']);
        const next = nextInstalment(payment);
        const outcome = request.body.decision === 'pay' ? 'paid' : 'refused';
        let status = payment.status;
        if (next !== undefined) {
          const body = JSON.stringify({
            transactionId: `TEST-${payment.id}-${next.number}`,
            paymentId: payment.id,
            instalment: next.number,
            outcome,
            amountCents: next.amountCents,
          });
          const answer = await request.server.inject({
            method: 'POST',
            url: TEST_CALLBACK_PATH,
            headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: sign(body, await secret()) },
            payload: body,
          });
          if (answer.statusCode !== 200) {
            request.log.warn({ status: answer.statusCode, body: answer.body }, 'test provider: the callback was refused');
            return reply
              .status(502)
              .headers(PAGE_HEADERS)
              .send(page(lang, payment, request.body.session, row.returnPath, TEXT[lang].failed));
          }
          status = (answer.json() as { status: Payment['status'] }).status;
        }
        const separator = row.returnPath.includes('?') ? '&' : '?';
        return reply.redirect(`${row.returnPath}${separator}payment=${payment.id}&status=${status}`, 303);
      },
    );
  });
}

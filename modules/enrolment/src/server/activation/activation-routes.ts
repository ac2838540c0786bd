import rateLimit from '@fastify/rate-limit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { and, asc, eq, isNull, lte, or, gte, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import { Value } from 'typebox/value';
import { originOf, Problem, type Executor, type ModuleApp, type ModuleContext } from '@pegase/platform';
import { ActivateAccount, ActivatedAccount } from '../../contract/index.ts';
import { nomenclatureValues } from '../shared/tables.ts';
import { activateAccount } from './activation-commands.ts';
import {
  activatedPage,
  activationFormPage,
  formProblem,
  invalidField,
  passwordMismatch,
  type ActivationForm,
  type FieldName,
  type Option,
  type PageLanguage,
} from './activation-page.ts';

/** Attempts a minute from one address: enough for typing mistakes, too few to guess codes (31^16 of them). */
const ATTEMPTS_PER_MINUTE = 10;
const BASE = '/api/enrolment/v1/activation';
const FRANCE = '100';
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
};
const FORM_FIELDS = ['invitationCode', 'birthDate', 'sex', 'birthCountry', 'email', 'password'] as const;

const PageQuery = Type.Object(
  { lang: Type.Optional(Type.String({ maxLength: 10 })), code: Type.Optional(Type.String({ maxLength: 40 })) },
  // Reached from a letter or a link: parameters added by a mail client are ignored, not refused.
  { additionalProperties: true },
);
const FormBody = Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 300 }));

function languageOf(request: FastifyRequest, asked: string | undefined): PageLanguage {
  if (asked === 'fr' || asked === 'en') return asked;
  return /^\s*en\b/i.test(request.headers['accept-language'] ?? '') ? 'en' : 'fr';
}

/** Values of a nomenclature valid today, labelled in the page's language (France first among countries). */
async function optionsOf(db: Executor, nomenclature: string, lang: PageLanguage): Promise<Option[]> {
  const today = new Date().toISOString().slice(0, 10);
  const rows = await db
    .select()
    .from(nomenclatureValues)
    .where(
      and(
        eq(nomenclatureValues.nomenclature, nomenclature),
        lte(nomenclatureValues.validFrom, today),
        or(isNull(nomenclatureValues.validTo), gte(nomenclatureValues.validTo, today)),
      ),
    )
    .orderBy(
      asc(sql`coalesce(${lang === 'en' ? nomenclatureValues.labelEn : nomenclatureValues.labelFr}, ${nomenclatureValues.labelFr}, ${nomenclatureValues.code})`),
    );
  const options = rows.map((row) => ({ code: row.code, label: (lang === 'en' ? row.labelEn : null) ?? row.labelFr ?? row.code }));
  return [...options.filter((option) => option.code === FRANCE), ...options.filter((option) => option.code !== FRANCE)];
}

/**
 * A new student's account, opened from the invitation of their admission
 * letter: a JSON route for other front ends, and a plain HTML form (linked
 * from the embedded provider's login page) that needs no account to reach.
 * Both are public and limited to a few attempts a minute per address.
 */
export async function activationRoutes(app: ModuleApp, context: ModuleContext): Promise<void> {
  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    lang: PageLanguage,
    status: number,
    values: ActivationForm,
    problems: { error?: string; fieldErrors?: Partial<Record<FieldName, string>> } = {},
  ) => {
    const [sexes, countries] = await Promise.all([optionsOf(context.db, 'SEX', lang), optionsOf(context.db, 'COUNTRY', lang)]);
    const code = values.invitationCode ? `&code=${encodeURIComponent(values.invitationCode)}` : '';
    return reply
      .status(status)
      .headers(PAGE_HEADERS)
      .send(
        activationFormPage({
          lang,
          action: `${BASE}/form`,
          switchHref: `${BASE}?lang=${lang === 'fr' ? 'en' : 'fr'}${code}`,
          sexes,
          countries,
          values: { birthCountry: FRANCE, ...values },
          ...problems,
        }),
      );
  };

  await app.register(async (plugin) => {
    const scope = plugin as unknown as ModuleApp;
    await scope.register(rateLimit, {
      global: false,
      errorResponseBuilder: (_request, limit) =>
        new Problem(429, 'too-many-requests', 'Too many requests', `Too many attempts from this address: wait ${Math.ceil(limit.ttl / 1000)} s and try again.`),
    });
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 8 * 1024 }, (_request, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );
    const limited = { access: { public: true as const }, rateLimit: { max: ATTEMPTS_PER_MINUTE, timeWindow: 60_000 } };

    scope.get(
      '/activation',
      {
        config: { access: { public: true } },
        schema: {
          summary: 'Public: the page where an admitted candidate without an account activates theirs from their invitation (HTML, French or English).',
          operationId: 'activationPage',
          querystring: PageQuery,
          produces: ['text/html'],
          response: { 200: { description: 'The activation form.', content: { 'text/html': { schema: Type.String() } } } },
        },
      },
      async (request, reply) => render(request, reply, languageOf(request, request.query.lang), 200, { invitationCode: request.query.code }),
    );

    scope.post(
      '/activation',
      {
        config: limited,
        schema: {
          summary:
            'Public: open a new student’s account from their invitation (code + birth date), with their learner record; the login is their learner code. 422 unknown-invitation, 409 account-exists or accounts-external (an external provider issues the accounts).',
          operationId: 'activateAccount',
          body: ActivateAccount,
          response: { 201: ActivatedAccount },
        },
      },
      async (request, reply) => {
        return reply.status(201).send(await activateAccount(context, request.body, originOf(request)));
      },
    );

    scope.post(
      '/activation/form',
      {
        config: limited,
        schema: {
          summary:
            'Public: the activation page’s form (application/x-www-form-urlencoded); answers the page again with the errors, or the login to sign in with.',
          operationId: 'activationForm',
          consumes: ['application/x-www-form-urlencoded'],
          body: FormBody,
          response: { 200: { description: 'The account is open: the page gives the login.', content: { 'text/html': { schema: Type.String() } } } },
        },
      },
      async (request, reply) => {
        const form = request.body;
        const lang = languageOf(request, form['lang']);
        const values: ActivationForm = {
          invitationCode: form['invitationCode']?.trim(),
          birthDate: form['birthDate']?.trim(),
          sex: form['sex'],
          birthCountry: form['birthCountry'],
          email: form['email']?.trim(),
        };
        const input = Object.fromEntries(FORM_FIELDS.map((field) => [field, field === 'password' ? (form['password'] ?? '') : (values[field] ?? '')]));
        const fieldErrors: Partial<Record<FieldName, string>> = {};
        for (const error of Value.Errors(ActivateAccount, input)) {
          const field = error.instancePath.slice(1) as (typeof FORM_FIELDS)[number];
          if (FORM_FIELDS.includes(field)) fieldErrors[field] = invalidField(lang, field);
        }
        if ((form['password'] ?? '') !== (form['confirm'] ?? '')) fieldErrors.confirm = passwordMismatch(lang);
        if (Object.keys(fieldErrors).length > 0) return render(request, reply, lang, 422, values, { fieldErrors });
        try {
          const activated = await activateAccount(context, input as ActivateAccount, originOf(request));
          return reply
            .status(200)
            .headers(PAGE_HEADERS)
            .send(activatedPage(lang, activated.login, '/', `${BASE}?lang=${lang === 'fr' ? 'en' : 'fr'}`));
        } catch (error) {
          if (!(error instanceof Problem)) throw error;
          const message = formProblem(lang, error.slug, error.extensions['login'] as string | undefined);
          if (message !== undefined) return render(request, reply, lang, error.status, values, { error: message });
          const errors = (error.extensions['errors'] as { field: string }[] | undefined) ?? [];
          const known = errors
            .map((e) => e.field.slice(1))
            .filter((field): field is (typeof FORM_FIELDS)[number] => (FORM_FIELDS as readonly string[]).includes(field));
          if (known.length === 0) throw error;
          return render(request, reply, lang, error.status, values, {
            fieldErrors: Object.fromEntries(known.map((field) => [field, invalidField(lang, field)])),
          });
        }
      },
    );
  });
}

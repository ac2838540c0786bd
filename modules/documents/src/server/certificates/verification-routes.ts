import rateLimit from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { Problem, ProblemSchema, type Executor, type ModuleApp, type ModuleContext } from '@pegase/platform';
import { CertificateVerification, VerifyParams, VerifyQuery } from '../../contract/index.ts';
import { certificates, enrolments } from '../shared/tables.ts';
import { certifiesText } from '../results/results-wording.ts';
import { formationText, holderName } from './certificate-texts.ts';
import { normaliseCode } from './verification-code.ts';
import { unknownCodePage, verificationPage, type PageLanguage } from './verification-page.ts';

/** Verifications a minute from one address: plenty for people, a brake on scraping. */
const VERIFICATIONS_PER_MINUTE = 60;

/** What anyone holding the code learns of the certificate, or undefined for an unknown code. */
export async function verifyCode(db: Executor, input: string, lang: PageLanguage): Promise<CertificateVerification | undefined> {
  const code = normaliseCode(input);
  if (code === undefined) return undefined;
  const [found] = await db
    .select({ certificate: certificates, status: enrolments.status, cancelledAt: enrolments.cancelledAt })
    .from(certificates)
    .leftJoin(enrolments, eq(enrolments.id, certificates.enrolmentId))
    .where(eq(certificates.code, code));
  if (found === undefined) return undefined;
  const { certificate } = found;
  // A certificate of enrolment is revoked when its enrolment's cancellation reached it; the enrolment's own status is the backstop.
  // Transcripts and pass certificates stand: published results do not change.
  const cancelled = certificate.kind === 'enrolment' && found.status === 'cancelled' ? (found.cancelledAt ?? certificate.issuedAt) : null;
  const revokedAt = certificate.revokedAt ?? cancelled;
  return {
    code: certificate.code,
    kind: certificate.kind,
    certifies: certifiesText({ ...certificate, language: lang }),
    status: revokedAt === null ? 'authentic' : 'revoked',
    holder: holderName(certificate.holder, lang),
    formation: formationText(certificate.formation, lang),
    academicYear: certificate.period.academicYear,
    establishment: certificate.establishment.name,
    language: certificate.language,
    issuedAt: certificate.issuedAt.toISOString(),
    revokedAt: revokedAt?.toISOString() ?? null,
    provisional: certificate.provisional,
    session: certificate.results?.session ?? null,
    sha256: certificate.sha256,
  };
}

/** ?lang=fr|en, else the first language of Accept-Language, French by default. */
function pageLanguage(request: FastifyRequest<{ Querystring: { lang?: string } }>): PageLanguage {
  const asked = request.query.lang;
  if (asked === 'fr' || asked === 'en') return asked;
  return /^\s*en\b/i.test(request.headers['accept-language'] ?? '') ? 'en' : 'fr';
}

/** JSON when the client prefers it to HTML (Accept: application/json); a browser, curl or a QR scanner gets the page. */
export function prefersJson(accept: string | undefined): boolean {
  let json = 0;
  let html = 0;
  for (const part of (accept ?? '').toLowerCase().split(',')) {
    const [type = '', ...parameters] = part.split(';').map((p) => p.trim());
    const q = Number(parameters.find((p) => p.startsWith('q='))?.slice(2) ?? '1');
    const weight = Number.isFinite(q) ? q : 0;
    if (type === 'application/json' || type === 'application/problem+json') json = Math.max(json, weight);
    if (type === 'text/html' || type === 'application/xhtml+xml') html = Math.max(html, weight);
  }
  return json > html;
}

export async function verificationRoutes(app: ModuleApp, context: ModuleContext): Promise<void> {
  await app.register(async (plugin) => {
    const scope = plugin as unknown as ModuleApp;
    await scope.register(rateLimit, {
      global: false,
      errorResponseBuilder: (_request, limit) =>
        new Problem(
          429,
          'too-many-requests',
          'Too many requests',
          `Too many verifications from this address: wait ${Math.ceil(limit.ttl / 1000)} s and try again.`,
        ),
    });
    scope.get(
      '/verify/:code',
      {
        config: { access: { public: true }, rateLimit: { max: VERIFICATIONS_PER_MINUTE, timeWindow: 60_000 } },
        schema: {
          summary:
            'Public: confirm that a document (certificate of enrolment, transcript, pass certificate) is authentic, or revoked, from its verification code (the QR code leads here).',
          description:
            'An HTML page (French by default; English with ?lang=en or Accept-Language) saying what kind of document it is and what it certifies or, with Accept: application/json, the verification as JSON. An unknown code is 404 (a page, or problem+json). At most 60 a minute from one address (429).',
          operationId: 'verifyCertificate',
          params: VerifyParams,
          querystring: VerifyQuery,
          produces: ['text/html', 'application/json'],
          response: {
            200: {
              description: 'The document is authentic, or revoked since a date.',
              content: { 'text/html': { schema: Type.String() }, 'application/json': { schema: CertificateVerification } },
            },
            404: {
              description: 'No document has this code: a page saying so, or a problem.',
              content: { 'text/html': { schema: Type.String() }, 'application/problem+json': { schema: ProblemSchema } },
            },
          },
        },
      },
      async (request, reply) => {
        const lang = pageLanguage(request);
        const verification = await verifyCode(context.db, request.params.code, lang);
        // Always the current verdict: a revocation shows at once.
        reply.header('cache-control', 'no-store').header('vary', 'Accept, Accept-Language').header('x-robots-tag', 'noindex');
        if (prefersJson(request.headers.accept)) {
          if (verification === undefined)
            throw new Problem(404, 'not-found', 'Not found', 'No document has this verification code: a document carrying it was not issued by Pégase.');
          return reply.type('application/json').send(verification);
        }
        const switchHref = `/api/documents/v1/verify/${encodeURIComponent(request.params.code)}?lang=${lang === 'fr' ? 'en' : 'fr'}`;
        reply
          .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
          .type('text/html; charset=utf-8');
        if (verification === undefined) return reply.status(404).send(unknownCodePage(lang, switchHref));
        return reply.send(verificationPage(lang, verification, switchHref));
      },
    );
  });
}

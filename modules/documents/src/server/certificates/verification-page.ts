import { escapeHtml, plainPage } from '@pegase/platform';
import type { CertificateVerification, DocumentKind } from '../../contract/index.ts';
import { formatDate } from './certificate-texts.ts';
import { documentTexts } from './document-texts.ts';
import { groupCode } from './verification-code.ts';

/**
 * The public page a verification code or QR code leads to. Plain
 * server-rendered HTML like the identity provider's pages: French first,
 * English on request, one heading, the verdict in words (never by colour
 * alone), contrast over 4.5:1, usable on a phone, no script.
 */
export type PageLanguage = 'fr' | 'en';

const texts = {
  fr: {
    title: 'Vérification d’un document',
    provisional: 'Ce certificat provisoire est authentique',
    provisionalHint:
      'Il a été délivré par l’établissement ci-dessous avant la validation de l’inscription par le service de la scolarité : l’inscription a été transmise et ses droits réglés, et elle n’a pas été annulée. Comparez ces informations avec le document présenté.',
    kind: 'Nature',
    kinds: { provisional: 'provisoire (inscription en cours de validation)', final: 'définitif' },
    authenticHint:
      'Il a été délivré par l’établissement ci-dessous et l’inscription qu’il atteste est toujours valable. Comparez ces informations avec le document présenté.',
    revoked: (date: string) => `Certificat RÉVOQUÉ le ${date}`,
    revokedHint: 'Ce certificat a bien été délivré par l’établissement, mais l’inscription qu’il atteste a été annulée depuis : il ne vaut plus.',
    unknown: 'Aucun document ne porte ce code',
    unknownHint:
      'Vérifiez le code saisi (20 caractères, par exemple ABCD-EFGH-IJKL-MNOP-QRST). Un document dont le code est inconnu n’a pas été délivré par Pégase : il ne doit pas être accepté.',
    holder: 'Titulaire',
    formation: 'Formation',
    year: 'Année universitaire',
    establishment: 'Établissement',
    issued: 'Délivré le',
    revokedOn: 'Révoqué le',
    code: 'Code de vérification',
    language: 'Langue du document',
    languages: { fr: 'français', en: 'anglais' },
    sha256: 'Empreinte SHA-256 du fichier PDF délivré',
    other: 'English',
    otherLang: 'en',
  },
  en: {
    title: 'Verification of a document',
    provisional: 'This provisional certificate is authentic',
    provisionalHint:
      'It was issued by the establishment below before the registrar’s office validated the enrolment: the enrolment was submitted and its fees settled, and it has not been cancelled. Compare these details with the document you were shown.',
    kind: 'Kind',
    kinds: { provisional: 'provisional (enrolment being validated)', final: 'final' },
    authenticHint: 'It was issued by the establishment below and the enrolment it attests still holds. Compare these details with the document you were shown.',
    revoked: (date: string) => `Certificate REVOKED on ${date}`,
    revokedHint: 'This certificate was issued by the establishment, but the enrolment it attests has since been cancelled: it no longer holds.',
    unknown: 'No document has this code',
    unknownHint:
      'Check the code you typed (20 characters, for example ABCD-EFGH-IJKL-MNOP-QRST). A document whose code is unknown was not issued by Pégase: do not accept it.',
    holder: 'Holder',
    formation: 'Programme',
    year: 'Academic year',
    establishment: 'Establishment',
    issued: 'Issued on',
    revokedOn: 'Revoked on',
    code: 'Verification code',
    language: 'Language of the document',
    languages: { fr: 'French', en: 'English' },
    sha256: 'SHA-256 digest of the issued PDF file',
    other: 'Français',
    otherLang: 'fr',
  },
} as const;

const style = `
  :root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  body { margin: 0; background: #f4f6f9; color: #1b1f24; line-height: 1.5; }
  main { max-width: 40rem; margin: 3rem auto; padding: 2rem 1.5rem; background: #fff; border-radius: 8px; box-shadow: 0 1px 3px rgba(0,0,0,.2); }
  h1 { font-size: 1.6rem; margin: 0 0 1rem; }
  .verdict { border-left: 6px solid; padding: .8rem 1rem; margin: 0 0 1.5rem; }
  .authentic { border-color: #1e6b34; background: #e9f5ec; color: #134522; }
  .revoked { border-color: #b00020; background: #fdecee; color: #7a0016; }
  .unknown { border-color: #8a4b00; background: #fff4e5; color: #5c3200; }
  .verdict p { margin: 0; }
  dl { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: .5rem 1rem; margin: 0; }
  dt { font-weight: 600; }
  dd { margin: 0; overflow-wrap: anywhere; }
  code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
  nav { text-align: right; margin-bottom: 1rem; }
  nav a { color: #0b4f9c; }
  :focus-visible { outline: 3px solid #c1440e; outline-offset: 2px; }
  @media (max-width: 30rem) { main { margin: 0; border-radius: 0; box-shadow: none; min-height: 100vh; } dl { grid-template-columns: 1fr; } dd { margin-bottom: .5rem; } }
`;

function page(lang: PageLanguage, heading: string, body: string, switchHref: string, kind?: DocumentKind): string {
  const t = texts[lang];
  return plainPage({
    lang,
    title: `${heading} — ${kind === undefined ? t.title : documentTexts[lang].verification.titles[kind]}`,
    style,
    body,
    otherLanguage: { href: switchHref, lang: t.otherLang, label: t.other },
    noindex: true,
  });
}

/** The verdict on a known code: authentic, or revoked since a date; what kind of document it is and what it certifies. */
export function verificationPage(lang: PageLanguage, verification: CertificateVerification, switchHref: string): string {
  const t = texts[lang];
  const words = documentTexts[lang].verification;
  const enrolment = verification.kind === 'enrolment';
  const revoked = verification.status === 'revoked' && verification.revokedAt !== null;
  const heading = revoked
    ? t.revoked(formatDate(verification.revokedAt!, lang))
    : verification.provisional
      ? t.provisional
      : words.authentic[verification.kind];
  const hint = revoked ? t.revokedHint : verification.provisional ? t.provisionalHint : enrolment ? t.authenticHint : words.resultsHint;
  const row = (term: string, value: string, attributes = '') => `<dt>${term}</dt><dd${attributes}>${value}</dd>`;
  const rows = [
    row(words.document, escapeHtml(documentTexts[lang].kinds[verification.kind])),
    row(words.certifiesLabel, escapeHtml(verification.certifies)),
    row(t.holder, escapeHtml(verification.holder)),
    row(t.formation, escapeHtml(verification.formation)),
    row(t.year, escapeHtml(verification.academicYear)),
    ...(verification.session === null ? [] : [row(words.session, String(verification.session))]),
    row(t.establishment, escapeHtml(verification.establishment)),
    ...(enrolment ? [row(t.kind, verification.provisional ? t.kinds.provisional : t.kinds.final)] : []),
    row(t.issued, escapeHtml(formatDate(verification.issuedAt, lang))),
    ...(revoked ? [row(t.revokedOn, escapeHtml(formatDate(verification.revokedAt!, lang)))] : []),
    row(t.code, `<code>${escapeHtml(groupCode(verification.code))}</code>`),
    row(t.language, t.languages[verification.language]),
    row(t.sha256, `<code>${escapeHtml(verification.sha256)}</code>`),
  ];
  return page(
    lang,
    heading,
    `<h1>${escapeHtml(heading)}</h1>
<div class="verdict ${revoked ? 'revoked' : 'authentic'}"><p>${hint}</p></div>
<dl>
${rows.join('\n')}
</dl>`,
    switchHref,
    verification.kind,
  );
}

/** No document has this code (unknown, mistyped or forged). */
export function unknownCodePage(lang: PageLanguage, switchHref: string): string {
  const t = texts[lang];
  return page(
    lang,
    t.unknown,
    `<h1>${t.unknown}</h1>
<div class="verdict unknown"><p>${t.unknownHint}</p></div>`,
    switchHref,
  );
}

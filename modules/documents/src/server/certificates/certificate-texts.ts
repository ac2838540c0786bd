import type { CertificateFormation, CertificateHolder, CertificateLanguage } from '../../contract/index.ts';
import type { DocumentContent } from './document-content.ts';
import type { LetterTexts } from './document-pdf.ts';

/** Dates are those of the establishment, in metropolitan France. */
export const ESTABLISHMENT_TIME_ZONE = 'Europe/Paris';

const locales: Record<CertificateLanguage, string> = { fr: 'fr-FR', en: 'en-GB' };

/** Building an Intl formatter costs more than formatting: one per language and time zone, kept. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function dateFormat(lang: CertificateLanguage, timeZone: string): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone}`;
  let format = formatters.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locales[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone });
    formatters.set(key, format);
  }
  return format;
}

/** « 1er janvier 2006 », « 14 mars 2026 »; "1 January 2006". A day (YYYY-MM-DD) is that day; an instant is its day in Paris. */
export function formatDate(value: string | Date, lang: CertificateLanguage): string {
  const day = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = day ? new Date(`${value}T12:00:00Z`) : new Date(value);
  const text = dateFormat(lang, day ? 'UTC' : ESTABLISHMENT_TIME_ZONE).format(date);
  return lang === 'fr' ? text.replace(/^1 /, '1er ') : text;
}

/** « 2026-2027 » for a year across two calendar years, « 2026 » otherwise. */
export function academicYearOf(startDate: string, endDate: string): string {
  const [start, end] = [startDate.slice(0, 4), endDate.slice(0, 4)];
  return start === end ? start : `${start}-${end}`;
}

const upper = (name: string) => name.toLocaleUpperCase('fr-FR');

/** Given names then the family name in capitals, with the usage name when there is one. */
export function holderName(holder: CertificateHolder, lang: CertificateLanguage): string {
  const name = `${holder.givenNames} ${upper(holder.familyName)}`;
  if (holder.usageName === null || holder.usageName === holder.familyName) return name;
  return `${name} (${lang === 'fr' ? 'nom d’usage' : 'usual name'} ${upper(holder.usageName)})`;
}

/** The enrolment point, and the formation it belongs to when it is not the formation itself. */
export function formationText(formation: CertificateFormation, lang: CertificateLanguage): string {
  const label = (lang === 'en' ? formation.labels.en : null) ?? formation.labels.fr;
  if (formation.formationCode === formation.code) return label;
  const formationLabel = (lang === 'en' ? formation.formationLabels.en : null) ?? formation.formationLabels.fr;
  return `${label} (${formationLabel})`;
}

/** The sentences every document of the establishment prints the same way: its heading, the issue, the signature, the verification box. */
export function commonTexts(content: DocumentContent, groupedCode: string) {
  const { establishment, language: lang } = content;
  const place = establishment.city ?? '';
  const issued = formatDate(content.issuedAt, lang);
  const establishmentLine = `UAI ${establishment.uai}${place ? ` — ${place}` : ''}`;
  if (lang === 'fr') {
    return {
      establishmentLine,
      issued: place ? `Fait à ${place}, le ${issued}.` : `Fait le ${issued}.`,
      signature: ['Pour le chef d’établissement et par délégation,', 'le service de la scolarité'],
      verificationTitle: 'Vérification de l’authenticité',
      codeLabel: 'Code de vérification :',
      code: groupedCode,
      urlLabel: 'Adresse de vérification :',
    };
  }
  return {
    establishmentLine,
    issued: place ? `Issued in ${place} on ${issued}.` : `Issued on ${issued}.`,
    signature: ['On behalf of the head of the establishment,', 'the registrar’s office'],
    verificationTitle: 'Verification of authenticity',
    codeLabel: 'Verification code:',
    code: groupedCode,
    urlLabel: 'Verification address:',
  };
}

/** The opening of an attestation: who certifies, and whom (civility, name, birth, numbers). */
export function holderIntroduction(holder: CertificateHolder, lang: CertificateLanguage): { civility: string; identity: string } {
  const female = holder.sex === 'F';
  const male = holder.sex === 'M';
  const name = holderName(holder, lang);
  const birth = formatDate(holder.birthDate, lang);
  const ine = holder.ine === null ? '' : `, INE ${holder.ine}`;
  if (lang === 'fr') {
    return {
      civility: female ? 'Madame ' : male ? 'Monsieur ' : '',
      identity: `${name}, ${female ? 'née' : male ? 'né' : 'né(e)'} le ${birth}, numéro d’étudiant ${holder.code}${ine}`,
    };
  }
  return { civility: female ? 'Ms ' : male ? 'Mr ' : '', identity: `${name}, born on ${birth}, learner number ${holder.code}${ine}` };
}

/** Every sentence of the certificate of enrolment, in its language. */
export function certificateTexts(content: DocumentContent, groupedCode: string): LetterTexts {
  const { holder, language: lang } = content;
  const female = holder.sex === 'F';
  const male = holder.sex === 'M';
  const name = holderName(holder, lang);
  const { civility, identity } = holderIntroduction(holder, lang);
  const year = content.period.academicYear;
  const formation = formationText(content.formation, lang);
  const path = content.formation.path.split('>').join(' > ');
  const common = commonTexts(content, groupedCode);
  if (lang === 'fr') {
    return {
      ...common,
      title: content.provisional ? 'Certificat de scolarité provisoire' : 'Certificat de scolarité',
      note: content.provisional
        ? 'Certificat provisoire : l’inscription a été transmise et ses droits réglés ; le service de la scolarité la vérifie. Un certificat définitif est délivré après sa validation.'
        : null,
      subtitle: `Année universitaire ${year}`,
      body:
        `Je soussigné(e), pour le chef d’établissement et par délégation, certifie que ${civility}${identity}, ` +
        `est ${female ? 'inscrite' : male ? 'inscrit' : 'inscrit(e)'} pour l’année universitaire ${year} en ${formation}.`,
      detail: `Parcours dans l’offre de formation : ${path}`,
      electronic:
        'Ce certificat est délivré électroniquement et ne porte pas de signature manuscrite : son authenticité se vérifie en ligne, avec le code ci-dessous ou le code QR.',
      verificationNote: 'Si l’inscription est annulée, la page de vérification indique que le certificat est révoqué.',
      metadataSubject: `Certificat de scolarité de ${name}, ${year}`,
    };
  }
  return {
    ...common,
    title: content.provisional ? 'Provisional certificate of enrolment' : 'Certificate of enrolment',
    note: content.provisional
      ? 'Provisional certificate: the enrolment was submitted and its fees settled; the registrar’s office is checking it. A final certificate is issued once it is validated.'
      : null,
    subtitle: `Academic year ${year}`,
    body:
      `I, the undersigned, on behalf of the head of the establishment, certify that ${civility}${identity}, ` +
      `is enrolled for the academic year ${year} in ${formation}.`,
    detail: `Path in the training offer: ${path}`,
    electronic:
      'This certificate is issued electronically and bears no handwritten signature: its authenticity can be checked online, with the code below or the QR code.',
    verificationNote: 'If the enrolment is cancelled, the verification page shows the certificate as revoked.',
    metadataSubject: `Certificate of enrolment of ${name}, ${year}`,
  };
}

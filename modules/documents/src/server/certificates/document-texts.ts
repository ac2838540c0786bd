import type { CertificateLanguage, DocumentKind } from '../../contract/index.ts';

/**
 * The words of transcripts, pass certificates and the verification of every
 * kind of document, French first and English, with {{placeholders}} filled
 * by `fill`. One dictionary per language with the same keys and the same
 * placeholders (checked by the module's text test).
 */
const fr = {
  kinds: { enrolment: 'Certificat de scolarité', transcript: 'Relevé de notes', 'pass-certificate': 'Attestation de réussite' },
  decisions: {
    ADM: 'Admis',
    CMP: 'Compensé',
    AJ: 'Ajourné',
    DEF: 'Défaillant',
    ABJ: 'Absence justifiée',
    DIS: 'Dispensé',
    INC: 'Incomplet',
  },
  honours: { TB: 'Très bien', B: 'Bien', AB: 'Assez bien', P: 'Passable' },
  subtitle: 'Année universitaire {{year}} — session {{session}}',
  electronic:
    'Ce document est délivré électroniquement et ne porte pas de signature manuscrite : son authenticité se vérifie en ligne, avec le code ci-dessous ou le code QR.',
  published: 'Résultats publiés le {{date}} par le jury de la session {{session}}.',
  transcript: {
    identity: {
      holder: 'Étudiant(e)',
      birthDate: 'Date de naissance',
      code: 'Numéro d’étudiant',
      ine: 'INE',
      formation: 'Formation',
    },
    columns: { element: 'Élément', mark: 'Note /20', decision: 'Résultat', credits: 'ECTS' },
    otherSession: '(session {{session}})',
    continued: 'Relevé de notes de {{name}} — {{formation}}, année universitaire {{year}}, session {{session}} (suite)',
    outcome: 'Résultat : {{decision}}',
    mark: 'Moyenne : {{mark}} / 20',
    honours: 'Mention : {{honours}}',
    credits: 'Crédits ECTS acquis : {{credits}}',
    rank: 'Rang : {{rank}}',
    verificationNote: 'La page de vérification rappelle le résultat publié par le jury.',
    metadataSubject: 'Relevé de notes de {{name}}, {{year}}, session {{session}}',
  },
  pass: {
    body: 'Je soussigné(e), pour le chef d’établissement et par délégation, atteste que {{civility}}{{identity}}, a été {{admitted}} en {{formation}} à la session {{session}} de l’année universitaire {{year}}{{honours}}.',
    admitted: { F: 'déclarée admise', M: 'déclaré admis', other: 'déclaré(e) admis(e)' },
    withHonours: ', avec la mention {{honours}}',
    detail: 'Moyenne : {{mark}} / 20 — crédits ECTS acquis : {{credits}}. {{published}}',
    verificationNote: 'La page de vérification confirme la réussite attestée.',
    metadataSubject: 'Attestation de réussite de {{name}}, {{year}}, session {{session}}',
  },
  verification: {
    titles: {
      enrolment: 'Vérification d’un certificat de scolarité',
      transcript: 'Vérification d’un relevé de notes',
      'pass-certificate': 'Vérification d’une attestation de réussite',
    },
    authentic: {
      enrolment: 'Ce certificat est authentique',
      transcript: 'Ce relevé de notes est authentique',
      'pass-certificate': 'Cette attestation de réussite est authentique',
    },
    resultsHint:
      'Ce document a été délivré par l’établissement ci-dessous d’après les résultats publiés par le jury, qui ne changent plus. Comparez ces informations avec le document présenté.',
    certifies: {
      enrolment: 'L’inscription en {{formation}} pour l’année universitaire {{year}}.',
      transcript: 'Les notes et résultats en {{formation}} publiés par le jury de la session {{session}} de l’année universitaire {{year}} : {{outcome}}.',
      'pass-certificate': 'La réussite en {{formation}} à la session {{session}} de l’année universitaire {{year}}{{honours}}.',
    },
    outcome: '{{decision}}, moyenne {{mark}} / 20',
    document: 'Document',
    certifiesLabel: 'Atteste',
    session: 'Session',
  },
};

type Texts = typeof fr;

const en: Texts = {
  kinds: { enrolment: 'Certificate of enrolment', transcript: 'Transcript of records', 'pass-certificate': 'Pass certificate' },
  decisions: {
    ADM: 'Passed',
    CMP: 'Passed by compensation',
    AJ: 'Failed',
    DEF: 'Defaulted',
    ABJ: 'Justified absence',
    DIS: 'Exempted',
    INC: 'Incomplete',
  },
  honours: { TB: 'Very good', B: 'Good', AB: 'Fairly good', P: 'Pass' },
  subtitle: 'Academic year {{year}} — session {{session}}',
  electronic:
    'This document is issued electronically and bears no handwritten signature: its authenticity can be checked online, with the code below or the QR code.',
  published: 'Results published on {{date}} by the jury of session {{session}}.',
  transcript: {
    identity: {
      holder: 'Student',
      birthDate: 'Date of birth',
      code: 'Learner number',
      ine: 'INE',
      formation: 'Programme',
    },
    columns: { element: 'Component', mark: 'Mark /20', decision: 'Result', credits: 'ECTS' },
    otherSession: '(session {{session}})',
    continued: 'Transcript of records of {{name}} — {{formation}}, academic year {{year}}, session {{session}} (continued)',
    outcome: 'Result: {{decision}}',
    mark: 'Average: {{mark}} / 20',
    honours: 'Honours: {{honours}}',
    credits: 'ECTS credits earned: {{credits}}',
    rank: 'Rank: {{rank}}',
    verificationNote: 'The verification page repeats the result the jury published.',
    metadataSubject: 'Transcript of records of {{name}}, {{year}}, session {{session}}',
  },
  pass: {
    body: 'I, the undersigned, on behalf of the head of the establishment, certify that {{civility}}{{identity}}, was {{admitted}} {{formation}} at session {{session}} of the academic year {{year}}{{honours}}.',
    admitted: { F: 'declared to have passed', M: 'declared to have passed', other: 'declared to have passed' },
    withHonours: ', with honours: {{honours}}',
    detail: 'Average: {{mark}} / 20 — ECTS credits earned: {{credits}}. {{published}}',
    verificationNote: 'The verification page confirms the pass it certifies.',
    metadataSubject: 'Pass certificate of {{name}}, {{year}}, session {{session}}',
  },
  verification: {
    titles: {
      enrolment: 'Verification of a certificate of enrolment',
      transcript: 'Verification of a transcript of records',
      'pass-certificate': 'Verification of a pass certificate',
    },
    authentic: {
      enrolment: 'This certificate is authentic',
      transcript: 'This transcript is authentic',
      'pass-certificate': 'This pass certificate is authentic',
    },
    resultsHint:
      'This document was issued by the establishment below from the results the jury published, which no longer change. Compare these details with the document you were shown.',
    certifies: {
      enrolment: 'Enrolment in {{formation}} for the academic year {{year}}.',
      transcript: 'The marks and results in {{formation}} published by the jury of session {{session}} of the academic year {{year}}: {{outcome}}.',
      'pass-certificate': 'Passing {{formation}} at session {{session}} of the academic year {{year}}{{honours}}.',
    },
    outcome: '{{decision}}, average {{mark}} / 20',
    document: 'Document',
    certifiesLabel: 'Certifies',
    session: 'Session',
  },
};

export const documentTexts: Record<CertificateLanguage, Texts> = { fr, en };

/** A text with its {{placeholders}} replaced; a placeholder without a value stays visible (a test catches it). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/{{(\w+)}}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** "10.250" on 20 as printed: at least two decimals, the exact value kept (« 10,25 », "9.999"); none when there is no mark. */
export function formatMark(mark: string | null, lang: CertificateLanguage): string {
  if (mark === null) return '—';
  const [units = '0', decimals = ''] = mark.split('.');
  const shown = decimals.replace(/0+$/, '').padEnd(2, '0');
  return `${units}${lang === 'fr' ? ',' : '.'}${shown}`;
}

/** Credits as printed: « 7,5 », "30". */
export function formatCredits(credits: string, lang: CertificateLanguage): string {
  const [units = '0', decimals = ''] = credits.split('.');
  const shown = decimals.replace(/0+$/, '');
  return shown === '' ? units : `${units}${lang === 'fr' ? ',' : '.'}${shown}`;
}

/** A decision in words (its code when it is one this text does not know). */
export function decisionText(decision: string, lang: CertificateLanguage): string {
  return (documentTexts[lang].decisions as Record<string, string>)[decision] ?? decision;
}

export const kindName = (kind: DocumentKind, lang: CertificateLanguage) => documentTexts[lang].kinds[kind];

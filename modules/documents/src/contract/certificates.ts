import { Type, type Static } from 'typebox';
import { Id, IsoDate, Timestamp } from '@pegase/referential/contract';
import { PublishedHonours, PublishedResultLine } from '@pegase/assessment/contract';

export const CertificateLanguage = Type.Union([Type.Literal('fr'), Type.Literal('en')], { description: 'fr (default) or en.' });
export type CertificateLanguage = Static<typeof CertificateLanguage>;

export const CertificateQuery = Type.Object(
  { lang: Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')], { default: 'fr', description: 'Language of the certificate: fr or en.' })) },
  { additionalProperties: false },
);

export const EnrolmentParams = Type.Object({ enrolmentId: Id }, { additionalProperties: false });

/** What a document is: a certificate of enrolment, a transcript (relevé de notes) or a pass certificate (attestation de réussite). */
export const DocumentKind = Type.Union([Type.Literal('enrolment'), Type.Literal('transcript'), Type.Literal('pass-certificate')], {
  description: 'enrolment: certificat de scolarité; transcript: relevé de notes; pass-certificate: attestation de réussite.',
});
export type DocumentKind = Static<typeof DocumentKind>;

export const JuryParams = Type.Object({ juryId: Id }, { additionalProperties: false });
export const JuryEnrolmentParams = Type.Object({ juryId: Id, enrolmentId: Id }, { additionalProperties: false });

export const ResultsDocumentQuery = Type.Object(
  {
    lang: CertificateQuery.properties.lang,
    rank: Type.Optional(Type.Boolean({ default: false, description: 'Print the rank among the jury’s learners on a transcript (left off by default).' })),
  },
  { additionalProperties: false },
);

/** The published result a transcript or a pass certificate printed, as it was. */
export const IssuedResults = Type.Object({
  juryId: Id,
  session: Type.Union([Type.Literal(1), Type.Literal(2)]),
  publishedAt: Timestamp,
  mark: Type.Union([Type.String(), Type.Null()], { description: 'The root’s mark on 20, "10.250".' }),
  decision: Type.String(),
  rank: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
  honours: Type.Union([PublishedHonours, Type.Null()]),
  lines: Type.Array(PublishedResultLine),
});
export type IssuedResults = Static<typeof IssuedResults>;

/** A verification code: 20 characters A–Z and 2–7 (base 32, 100 random bits), printed in groups of four. */
export const VERIFICATION_CODE_PATTERN = '^[A-Z2-7]{20}$';

export const VerifyParams = Type.Object(
  {
    code: Type.String({
      description: 'The verification code printed on the certificate (case, spaces and hyphens ignored). Anything else is simply unknown (404).',
      examples: ['K7QM-2XRT-AB4C-9ZZP-LM3D'],
    }),
  },
  { additionalProperties: false },
);

export const VerifyQuery = Type.Object(
  {
    lang: Type.Optional(
      Type.String({ maxLength: 10, description: 'fr or en; otherwise the Accept-Language header decides, French by default. Other parameters are ignored.' }),
    ),
  },
  // A public page reached from a QR code or a link: parameters added by a scanner or a mail client are ignored, not refused.
  { additionalProperties: true },
);

/** What the certificate says of its holder, as it was when it was issued. */
export const CertificateHolder = Type.Object({
  learnerId: Id,
  code: Type.String({ description: 'Learner number.' }),
  ine: Type.Union([Type.String(), Type.Null()]),
  familyName: Type.String(),
  usageName: Type.Union([Type.String(), Type.Null()]),
  givenNames: Type.String(),
  birthDate: IsoDate,
  sex: Type.String(),
});
export type CertificateHolder = Static<typeof CertificateHolder>;

/** The enrolment point (and its formation) the certificate names. */
export const CertificateFormation = Type.Object({
  pointId: Id,
  code: Type.String(),
  path: Type.String({ description: 'Codes from the formation down to the enrolment point, e.g. LIC-INFO>LIC-INFO-L1.' }),
  labels: Type.Object({ fr: Type.String(), en: Type.Union([Type.String(), Type.Null()]) }),
  formationCode: Type.String(),
  formationLabels: Type.Object({ fr: Type.String(), en: Type.Union([Type.String(), Type.Null()]) }),
});
export type CertificateFormation = Static<typeof CertificateFormation>;

export const CertificatePeriod = Type.Object({
  periodId: Id,
  code: Type.String(),
  academicYear: Type.String({ description: 'As printed: 2026-2027.' }),
  startDate: IsoDate,
  endDate: IsoDate,
});
export type CertificatePeriod = Static<typeof CertificatePeriod>;

export const CertificateEstablishment = Type.Object({ uai: Type.String(), name: Type.String(), city: Type.Union([Type.String(), Type.Null()]) });
export type CertificateEstablishment = Static<typeof CertificateEstablishment>;

/** One issued document (a certificate of enrolment, a transcript, a pass certificate): what it said, its file, and whether it still holds. */
export const Certificate = Type.Object({
  id: Id,
  kind: DocumentKind,
  code: Type.String({ pattern: VERIFICATION_CODE_PATTERN }),
  enrolmentId: Id,
  language: CertificateLanguage,
  holder: CertificateHolder,
  formation: CertificateFormation,
  period: CertificatePeriod,
  establishment: CertificateEstablishment,
  file: Type.Object({ id: Id, mediaType: Type.String(), size: Type.Integer(), sha256: Type.String() }),
  verificationUrl: Type.String({ format: 'uri' }),
  issuedAt: Timestamp,
  revokedAt: Type.Union([Timestamp, Type.Null()], { description: 'When its enrolment was cancelled: from then on it no longer holds.' }),
  provisional: Type.Boolean({
    description: 'Issued before the scolarité validated the enrolment (submitted, fees settled); it says so. A final one is issued after validation.',
  }),
  results: Type.Union([IssuedResults, Type.Null()], { description: 'For a transcript or a pass certificate: the published result it printed.' }),
});
export type Certificate = Static<typeof Certificate>;

/** What the public verification tells anyone holding the code. */
export const CertificateVerification = Type.Object({
  code: Type.String(),
  kind: DocumentKind,
  certifies: Type.String({ description: 'What the document certifies, in words (in the language asked for).' }),
  status: Type.Union([Type.Literal('authentic'), Type.Literal('revoked')], {
    description:
      'authentic: issued by this establishment and still holding; revoked: the enrolment was cancelled after issue (certificates of enrolment only).',
  }),
  holder: Type.String({ description: 'Given names and family name, as printed.' }),
  formation: Type.String(),
  academicYear: Type.String(),
  establishment: Type.String(),
  language: CertificateLanguage,
  issuedAt: Timestamp,
  revokedAt: Type.Union([Timestamp, Type.Null()]),
  provisional: Type.Boolean({ description: 'A provisional certificate: the enrolment was submitted and paid, not yet validated when it was issued.' }),
  session: Type.Union([Type.Literal(1), Type.Literal(2), Type.Null()], { description: 'The jury’s session of a transcript or a pass certificate.' }),
  sha256: Type.String({ description: 'SHA-256 of the PDF as issued: the same bytes have the same digest.' }),
});
export type CertificateVerification = Static<typeof CertificateVerification>;

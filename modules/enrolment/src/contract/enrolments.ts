import { Type, type Static } from 'typebox';
import { Id, Timestamp, Version } from '@pegase/referential/contract';

export const EnrolmentStatus = Type.Union([Type.Literal('draft'), Type.Literal('submitted'), Type.Literal('validated'), Type.Literal('cancelled')], {
  description: 'draft (being filled in) → submitted → validated, or cancelled.',
});
export const PaymentStatus = Type.Union([Type.Literal('none'), Type.Literal('unpaid'), Type.Literal('pending'), Type.Literal('paid'), Type.Literal('exempt')]);
const NomenclatureCode = (nomenclature: string) =>
  Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]{0,39}$', description: `A value of the nomenclature ${nomenclature}.` });

export const EnrolmentPoint = Type.Object({
  id: Id,
  periodId: Id,
  code: Type.String(),
  path: Type.String({ description: 'Its path in the validated offer, e.g. LIC-INFO>L1.' }),
  labels: Type.Object({ fr: Type.String(), en: Type.Optional(Type.String()) }),
  ownerStructureId: Type.Union([Id, Type.Null()]),
});
export type EnrolmentPoint = Static<typeof EnrolmentPoint>;

export const PreviousSituation = Type.Object(
  {
    situation: NomenclatureCode('PREVIOUS-SITUATION'),
    year: Type.Integer({ minimum: 1950, maximum: 2100, description: 'The academic year of that situation (its first calendar year).' }),
    establishment: Type.Optional(
      Type.Union([Type.String({ minLength: 1, maxLength: 200, description: 'Where: the name or UAI of the school or university, if any.' }), Type.Null()]),
    ),
  },
  { additionalProperties: false, description: 'What the student did the year before (lycée, another university, work…), for the national statistics (SISE).' },
);
export type PreviousSituation = Static<typeof PreviousSituation>;

export const Enrolment = Type.Object({
  id: Id,
  learnerId: Id,
  pointId: Id,
  periodId: Id,
  origin: Type.String(),
  kind: Type.Union([Type.Literal('main'), Type.Literal('secondary')]),
  regime: Type.String(),
  cvecNumber: Type.Union([Type.String(), Type.Null()]),
  profiles: Type.Array(Type.String(), { description: 'PROFILE values (BOURSIER…) that fees and required documents depend on.' }),
  previousSituation: Type.Union([PreviousSituation, Type.Null()]),
  status: EnrolmentStatus,
  paymentStatus: PaymentStatus,
  cancelReason: Type.Union([Type.String(), Type.Null()]),
  submittedAt: Type.Union([Timestamp, Type.Null()]),
  validatedAt: Type.Union([Timestamp, Type.Null()]),
  cancelledAt: Type.Union([Timestamp, Type.Null()]),
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Enrolment = Static<typeof Enrolment>;

export const CreateEnrolment = Type.Object(
  {
    learnerId: Id,
    pointId: Id,
    origin: NomenclatureCode('ENROLMENT-ORIGIN'),
    kind: Type.Optional(Type.Union([Type.Literal('main'), Type.Literal('secondary')], { default: 'main' })),
    regime: NomenclatureCode('REGIME'),
    cvecNumber: Type.Optional(
      Type.Union([Type.String({ pattern: '^[A-Z0-9]{3,4}[ -]?[A-Z0-9]{6,8}[ -]?[A-Z0-9]{0,4}$', description: 'CVEC attestation number.' }), Type.Null()]),
    ),
    profiles: Type.Optional(Type.Array(Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]{0,39}$' }), { maxItems: 10, uniqueItems: true })),
    previousSituation: Type.Optional(Type.Union([PreviousSituation, Type.Null()])),
  },
  { additionalProperties: false },
);
export type CreateEnrolment = Static<typeof CreateEnrolment>;

/** What a student may still change of their own enrolment while it is a draft. */
export const UpdateMyEnrolment = Type.Object(
  {
    regime: Type.Optional(CreateEnrolment.properties.regime),
    profiles: Type.Optional(CreateEnrolment.properties.profiles),
    cvecNumber: Type.Optional(CreateEnrolment.properties.cvecNumber),
    previousSituation: Type.Optional(Type.Union([PreviousSituation, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateMyEnrolment = Static<typeof UpdateMyEnrolment>;

/** What a student's enrolment still lacks before it can be submitted (empty: ready). */
export const SubmissionReadiness = Type.Object({
  ready: Type.Boolean(),
  missing: Type.Array(
    Type.Object({
      field: Type.String({ description: 'JSON pointer: /learner/address, /learner/bac, /enrolment/previousSituation, /documents/PHOTO…' }),
      message: Type.String(),
    }),
  ),
});
export type SubmissionReadiness = Static<typeof SubmissionReadiness>;

export const SubmitHeaders = Type.Object(
  {
    'idempotency-key': Type.String({
      minLength: 8,
      maxLength: 100,
      pattern: '^[A-Za-z0-9_-]+$',
      description: 'A key the client draws once per submission and sends again when it retries: the same key is the same submission.',
    }),
  },
  { additionalProperties: true },
);

export const CancelEnrolment = Type.Object({ reason: Type.String({ minLength: 3, maxLength: 500 }) }, { additionalProperties: false });
export const PaymentUpdate = Type.Object(
  { paymentStatus: PaymentStatus },
  { additionalProperties: false, description: 'Set by the payment module through events, or by staff (an exemption decided at the desk).' },
);

export const enrolmentSortFields = ['createdAt'] as const;
export const EnrolmentFilters = {
  status: Type.Optional(EnrolmentStatus),
  paymentStatus: Type.Optional(PaymentStatus),
  pointId: Type.Optional(Id),
  periodId: Type.Optional(Id),
  learnerId: Type.Optional(Id),
  documents: Type.Optional(
    Type.Union([Type.Literal('to-review'), Type.Literal('missing'), Type.Literal('complete')], {
      description:
        'to-review: a document waits for its review; missing: a mandatory document is not sent (or was rejected); complete: every mandatory document is accepted.',
    }),
  ),
};

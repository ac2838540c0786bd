import { Type, type Static } from 'typebox';
import { Id, IsoDate, Timestamp } from '@pegase/referential/contract';

export const Admission = Type.Object({
  id: Id,
  pointId: Id,
  periodId: Id,
  source: Type.String({ description: 'ENROLMENT-ORIGIN value: PARCOURSUP, ECANDIDAT, REINSCRIPTION…' }),
  candidateNumber: Type.Union([Type.String(), Type.Null()]),
  familyName: Type.String(),
  givenNames: Type.String(),
  birthDate: IsoDate,
  ine: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  learnerId: Type.Union([Id, Type.Null()]),
  invitationCode: Type.String({ description: 'Opens the online enrolment at this point.' }),
  status: Type.Union([Type.Literal('invited'), Type.Literal('used'), Type.Literal('withdrawn')]),
  createdAt: Timestamp,
  usedAt: Type.Union([Timestamp, Type.Null()]),
});
export type Admission = Static<typeof Admission>;

export const AdmissionImportQuery = Type.Object(
  {
    source: Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]{0,39}$', description: 'ENROLMENT-ORIGIN value of the file: PARCOURSUP, ECANDIDAT, a jury (MANUELLE)…' }),
  },
  { additionalProperties: false },
);

export const AdmissionImportReport = Type.Object({
  invited: Type.Integer({ description: 'New admissions, each with an invitation code.' }),
  alreadyInvited: Type.Integer({ description: 'Candidates already admitted at this point (a file imported again).' }),
  admissions: Type.Array(Admission, { description: 'The admissions of the file, in its order.' }),
});

export const ReinscriptionBody = Type.Object(
  { fromPeriodId: Id },
  { additionalProperties: false, description: 'Invite every learner validated in that period again, at the point with the same code in this period.' },
);
export const ReinscriptionReport = Type.Object({
  invited: Type.Integer(),
  alreadyInvited: Type.Integer(),
  withoutPoint: Type.Array(Type.String(), { description: 'Point codes of the earlier period with no point of the same code now.' }),
});

export const EnrolFromInvitation = Type.Object(
  {
    invitationCode: Type.String({ minLength: 8, maxLength: 40 }),
    regime: Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]{0,39}$' }),
    profiles: Type.Optional(Type.Array(Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]{0,39}$' }), { maxItems: 10, uniqueItems: true })),
  },
  { additionalProperties: false },
);

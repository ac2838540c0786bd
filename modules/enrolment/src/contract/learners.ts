import { Type, type Static } from 'typebox';
import { Id, IsoDate, Timestamp, Version } from '@pegase/referential/contract';

/** The three INE formats of DOMAIN.md: RNIE, BEA, apprenticeship. Anything else is refused. */
export const INE_PATTERN = '^([0-9]{9}[A-Z]{2}|[0-9]{10}[A-Z]|[0-9]{4}A[0-9]{5}[A-Z])$';
export const Ine = Type.String({
  pattern: INE_PATTERN,
  description: 'National student identifier: 9 digits + 2 letters (RNIE), 10 digits + 1 letter (BEA), or 4 digits, A, 5 digits, 1 letter (apprenticeship).',
  examples: ['123456789AB'],
});

export const LearnerCode = Type.String({ pattern: '^PGS[0-9]{7}$', description: 'Stable learner code given by Pégase.', examples: ['PGS0000001'] });

/** A code of a referential nomenclature (COUNTRY, SEX, BAC-SERIES…), checked against its validity dates. */
const NomenclatureCode = (nomenclature: string) =>
  Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]{0,39}$', description: `A value of the nomenclature ${nomenclature}.` });

const Name = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });

export const Address = Type.Object(
  {
    line1: Type.String({ minLength: 1, maxLength: 200 }),
    line2: Type.Optional(Type.String({ maxLength: 200 })),
    postcode: Type.Optional(Type.String({ maxLength: 20 })),
    city: Type.String({ minLength: 1, maxLength: 100 }),
    country: NomenclatureCode('COUNTRY'),
  },
  { additionalProperties: false },
);

export const Bac = Type.Object(
  {
    year: Type.Integer({ minimum: 1950, maximum: 2100 }),
    series: NomenclatureCode('BAC-SERIES'),
    honours: Type.Optional(NomenclatureCode('BAC-HONOURS')),
    country: Type.Optional(NomenclatureCode('COUNTRY')),
  },
  { additionalProperties: false, description: 'The baccalaureate (or equivalent): year, series valid that year, honours, country.' },
);

export const FirstHigherEducation = Type.Object(
  {
    year: Type.Integer({
      minimum: 1950,
      maximum: 2100,
      description: 'Academic year of the first enrolment in French higher education (its first calendar year).',
    }),
    uai: Type.Optional(Type.String({ pattern: '^[0-9]{7}[A-Z]$', description: 'The establishment (UAI).' })),
  },
  { additionalProperties: false },
);

const identity = {
  ine: Type.Optional(Type.Union([Ine, Type.Null()])),
  familyName: Name,
  usageName: Type.Optional(Type.Union([Name, Type.Null()])),
  givenNames: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', description: 'All given names, in civil-status order.' }),
  birthDate: IsoDate,
  birthCountry: NomenclatureCode('COUNTRY'),
  birthCommune: Type.Optional(
    Type.Union([Type.String({ pattern: '^[0-9][0-9AB][0-9]{3}$', description: 'INSEE commune code (born in France).' }), Type.Null()]),
  ),
  sex: NomenclatureCode('SEX'),
  nationality: Type.Optional(Type.Union([NomenclatureCode('COUNTRY'), Type.Null()])),
  email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 200 }), Type.Null()])),
  phone: Type.Optional(Type.Union([Type.String({ pattern: '^\\+?[0-9 .-]{6,20}$', maxLength: 20 }), Type.Null()])),
  address: Type.Optional(Type.Union([Address, Type.Null()])),
  bac: Type.Optional(Type.Union([Bac, Type.Null()])),
  firstHigherEducation: Type.Optional(Type.Union([FirstHigherEducation, Type.Null()])),
};

export const Learner = Type.Object({
  id: Id,
  code: LearnerCode,
  ine: Type.Union([Ine, Type.Null()]),
  familyName: Type.String(),
  usageName: Type.Union([Type.String(), Type.Null()]),
  givenNames: Type.String(),
  birthDate: IsoDate,
  birthCountry: Type.String(),
  birthCommune: Type.Union([Type.String(), Type.Null()]),
  sex: Type.String(),
  nationality: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  address: Type.Union([Address, Type.Null()]),
  bac: Type.Union([Bac, Type.Null()]),
  firstHigherEducation: Type.Union([FirstHigherEducation, Type.Null()]),
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Learner = Static<typeof Learner>;

export const CreateLearner = Type.Object(identity, { additionalProperties: false });
export type CreateLearner = Static<typeof CreateLearner>;

export const UpdateLearner = Type.Object(
  {
    ...identity,
    familyName: Type.Optional(Name),
    givenNames: Type.Optional(identity.givenNames),
    birthDate: Type.Optional(IsoDate),
    birthCountry: Type.Optional(identity.birthCountry),
    sex: Type.Optional(identity.sex),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateLearner = Static<typeof UpdateLearner>;

/**
 * What a student fills in on their own record. The civil-status identity
 * (names, birth date, INE) comes from the admission and the national
 * registers: only the scolarité corrects it, on proof.
 */
export const UpdateMyLearnerRecord = Type.Object(
  {
    usageName: identity.usageName,
    birthCountry: Type.Optional(identity.birthCountry),
    birthCommune: identity.birthCommune,
    sex: Type.Optional(identity.sex),
    nationality: identity.nationality,
    email: identity.email,
    phone: identity.phone,
    address: identity.address,
    bac: identity.bac,
    firstHigherEducation: identity.firstHigherEducation,
  },
  {
    additionalProperties: false,
    minProperties: 1,
    description: 'Names, birth date and INE are not here: the scolarité corrects them on proof.',
  },
);
export type UpdateMyLearnerRecord = Static<typeof UpdateMyLearnerRecord>;

export const CreateLearnerQuery = Type.Object(
  {
    confirmNew: Type.Optional(
      Type.Boolean({ description: 'Create even though probable duplicates were reported (after checking them); the choice is audited.' }),
    ),
  },
  { additionalProperties: false },
);

export const DuplicateCandidate = Type.Object({
  id: Id,
  code: LearnerCode,
  familyName: Type.String(),
  givenNames: Type.String(),
  birthDate: IsoDate,
  ine: Type.Union([Type.String(), Type.Null()]),
});

export const learnerSortFields = ['name', 'code'] as const;
export const LearnerFilters = {
  q: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'A name (accents and case ignored, close spellings found too, best first), an INE or a learner code (exact).',
    }),
  ),
};

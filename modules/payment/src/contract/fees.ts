import { Type, type Static } from 'typebox';
import { Code, Id, Labels, Timestamp, Version } from '@pegase/referential/contract';

/** An amount in euro cents: an integer, never a float. */
export const Cents = Type.Integer({ minimum: 0, maximum: 100_000_000, description: 'An amount in euro cents (an integer).' });
const SignedCents = Type.Integer({
  minimum: -100_000_000,
  maximum: 100_000_000,
  description: 'An amount in euro cents; negative for a reduction or an exemption.',
});

export const Level = Type.String({
  pattern: '^[A-Z0-9][A-Z0-9-]{0,39}$',
  description: 'A diploma level, as the fee rules name it: LICENCE, MASTER, DOCTORAT, INGENIEUR, DU…',
  examples: ['LICENCE'],
});
const Profile = Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]{0,39}$', description: 'A value of the nomenclature PROFILE (BOURSIER, PUPILLE…).' });

export const LevelFee = Type.Object(
  {
    level: Level,
    labels: Labels,
    amountCents: Cents,
  },
  { additionalProperties: false },
);

export const ProfileAdjustment = Type.Object(
  {
    profile: Profile,
    kind: Type.Union([Type.Literal('exemption'), Type.Literal('reduction')], {
      description: 'exemption: the enrolment pays nothing at all; reduction: the base amount is lowered by `percent` or `amountCents`.',
    }),
    percent: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 100, description: 'A reduction of this percentage of the base amount, rounded half up to the cent.' }),
    ),
    amountCents: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000_000, description: 'A reduction of this fixed amount (at most the base amount).' })),
    labels: Labels,
  },
  { additionalProperties: false },
);

export const ExtraFee = Type.Object(
  {
    code: Code,
    labels: Labels,
    amountCents: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
    levels: Type.Optional(Type.Array(Level, { uniqueItems: true, maxItems: 50, description: 'Only for these levels; absent: every level.' })),
    waivedFor: Type.Optional(Type.Array(Profile, { uniqueItems: true, maxItems: 50, description: 'Learners with one of these profiles do not pay it.' })),
  },
  { additionalProperties: false, description: 'A fixed line added to the fees (a service the university charges for).' },
);

const rulesBody = {
  levels: Type.Array(LevelFee, { minItems: 1, maxItems: 50, description: 'The base amount of each diploma level.' }),
  adjustments: Type.Array(ProfileAdjustment, {
    maxItems: 50,
    description: 'Exemptions and reductions by profile. An exemption wins over everything; otherwise the largest reduction applies (they do not add up).',
  }),
  extras: Type.Array(ExtraFee, { maxItems: 50 }),
  instalments: Type.Boolean({ description: 'Whether payment in three instalments is offered.' }),
};

export const FeeRules = Type.Object({
  periodId: Id,
  ...rulesBody,
  version: Version,
  updatedAt: Timestamp,
});
export type FeeRules = Static<typeof FeeRules>;

export const PutFeeRules = Type.Object(
  {
    levels: rulesBody.levels,
    adjustments: Type.Optional(rulesBody.adjustments),
    extras: Type.Optional(rulesBody.extras),
    instalments: Type.Optional(Type.Boolean({ default: true, description: 'Whether payment in three instalments is offered (default true).' })),
  },
  { additionalProperties: false },
);
export type PutFeeRules = Static<typeof PutFeeRules>;

export const PointLevel = Type.Object({
  pointId: Id,
  periodId: Id,
  code: Type.String(),
  path: Type.String({ description: 'Its path in the validated offer, e.g. LIC-INFO>LINF-L1.' }),
  labels: Type.Object({ fr: Type.String(), en: Type.Optional(Type.String()) }),
  level: Type.Union([Level, Type.Null()], { description: 'null: not set yet, the fees of its enrolments cannot be computed.' }),
});
export type PointLevel = Static<typeof PointLevel>;

export const PutPointLevel = Type.Object({ level: Level }, { additionalProperties: false });
export const PointParams = Type.Object({ pointId: Id }, { additionalProperties: false });
export const PeriodParams = Type.Object({ periodId: Id }, { additionalProperties: false });
export const PointsQuery = Type.Object({ periodId: Id }, { additionalProperties: false });

export const FeeLine = Type.Object({
  kind: Type.Union([Type.Literal('base'), Type.Literal('reduction'), Type.Literal('exemption'), Type.Literal('extra')]),
  code: Type.String({ description: 'The level (base), the profile (reduction, exemption) or the extra line’s code.' }),
  labels: Type.Object({ fr: Type.String(), en: Type.Optional(Type.String()) }),
  amountCents: SignedCents,
});
export type FeeLine = Static<typeof FeeLine>;

export const InstalmentPlan = Type.Object({
  count: Type.Integer({ minimum: 1, maximum: 3 }),
  amountsCents: Type.Array(Cents, { description: 'Each instalment; they add up to the total exactly, the first takes the remaining cents.' }),
});

export const Fees = Type.Object({
  enrolmentId: Id,
  periodId: Id,
  pointId: Id,
  level: Level,
  currency: Type.Literal('EUR'),
  lines: Type.Array(FeeLine, { description: 'The breakdown: base amount, reduction or exemption, extra lines.' }),
  totalCents: Cents,
  exempt: Type.Boolean({ description: 'The total is zero: nothing to pay (the enrolment is marked exempt when submitted).' }),
  instalmentPlans: Type.Array(InstalmentPlan, { description: 'How the total may be paid: at once, or in three instalments when offered.' }),
});
export type Fees = Static<typeof Fees>;

export const Settings = Type.Object({
  provider: Type.Union([Type.Literal('none'), Type.Literal('test')], {
    description: 'The provider new payments go through: none (online payment closed) or test (the simulated bank of the sandbox, no money moves).',
  }),
  version: Version,
  updatedAt: Timestamp,
});
export type Settings = Static<typeof Settings>;
export const PutSettings = Type.Object({ provider: Settings.properties.provider }, { additionalProperties: false });

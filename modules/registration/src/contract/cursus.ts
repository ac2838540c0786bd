import { Type, type Static } from 'typebox';
import { Id, Timestamp, Version } from '@pegase/referential/contract';

export const CursusPath = Type.String({
  minLength: 1,
  maxLength: 1000,
  description: 'Codes from the formation down to the object, joined by ">": one object in one context (curriculum paths).',
  examples: ['LIC-INFO>LIC-INFO-L1>S1>UE-OPT>ESPAGNOL'],
});

/** A mark on 20 in exact decimal (never binary floating point): at most 3 decimals. */
export const Mark = Type.String({
  pattern: '^(20(\\.0{1,3})?|1?[0-9](\\.[0-9]{1,3})?)$',
  description: 'From 0 to 20, at most 3 decimals, as a string.',
  examples: ['14.5'],
});

export const Arrangement = Type.Object({
  code: Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]{0,39}$', description: 'TIERS-TEMPS, SALLE-ISOLEE, SECRETAIRE…' }),
  details: Type.String({ maxLength: 500, default: '' }),
});
export type Arrangement = Static<typeof Arrangement>;

export const EntryKind = Type.Union([Type.Literal('point'), Type.Literal('mandatory'), Type.Literal('chosen')], {
  description: 'point: the enrolment point; mandatory: below it outside any grouping; chosen: picked in a grouping (and what it holds).',
});
export const EntryStatus = Type.Union([Type.Literal('registered'), Type.Literal('waiting'), Type.Literal('offered')], {
  description: 'registered: followed; waiting: on the waiting list of a full object; offered: a seat freed up and is held for the learner to accept.',
});

/** One object of a learner's cursus, in its context. */
export const CursusEntry = Type.Object({
  path: CursusPath,
  parentPath: Type.Union([CursusPath, Type.Null()]),
  objectId: Id,
  code: Type.String(),
  labels: Type.Object({ fr: Type.String(), en: Type.Union([Type.String(), Type.Null()]) }),
  type: Type.String(),
  ects: Type.Union([Type.Number(), Type.Null()]),
  kind: EntryKind,
  status: EntryStatus,
  offeredAt: Type.Union([Timestamp, Type.Null()], { description: 'When the seat was offered, for offered entries.' }),
  /** Place on the waiting list (1 = next to be offered a seat), for waiting entries. */
  waitingRank: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
  chosenBy: Type.Union([Type.Literal('learner'), Type.Literal('staff'), Type.Null()]),
  exemption: Type.Union([Type.Object({ reason: Type.String() }), Type.Null()], {
    description: 'Dispense: the learner need not follow nor be assessed on it.',
  }),
  carriedOver: Type.Union([Type.Object({ mark: Mark, fromPeriod: Type.String() }), Type.Null()], {
    description: 'Acquired in an earlier year with this mark (on 20), which the results count.',
  }),
});
export type CursusEntry = Static<typeof CursusEntry>;

/** A child a learner may choose in a grouping, with its seats. */
export const ChoiceOption = Type.Object({
  path: CursusPath,
  objectId: Id,
  code: Type.String(),
  labels: Type.Object({ fr: Type.String(), en: Type.Union([Type.String(), Type.Null()]) }),
  ects: Type.Union([Type.Number(), Type.Null()]),
  openForChoice: Type.Boolean({ description: 'A closed object cannot be chosen.' }),
  capacity: Type.Union([Type.Integer(), Type.Null()], { description: 'Seats; null: no limit.' }),
  remainingSeats: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], { description: 'Seats left (held offers count as taken); null: no limit.' }),
  waiting: Type.Integer({ minimum: 0, description: 'Learners on its waiting list.' }),
});
export type ChoiceOption = Static<typeof ChoiceOption>;

/** A grouping of the cursus: its range and what may be chosen in it. */
export const CursusGrouping = Type.Object({
  path: CursusPath,
  code: Type.String(),
  labels: Type.Object({ fr: Type.String(), en: Type.Union([Type.String(), Type.Null()]) }),
  min: Type.Integer({ minimum: 0 }),
  max: Type.Integer({ minimum: 0 }),
  chosen: Type.Array(CursusPath, { description: 'Its children in the cursus, whatever their status.' }),
  options: Type.Array(ChoiceOption),
});
export type CursusGrouping = Static<typeof CursusGrouping>;

export const ChoiceWindow = Type.Object({
  formationId: Id,
  opensAt: Timestamp,
  closesAt: Timestamp,
  open: Type.Boolean({ description: 'Whether students may choose now.' }),
});
export type ChoiceWindow = Static<typeof ChoiceWindow>;

/** A learner's cursus for one validated enrolment. */
export const Cursus = Type.Object({
  enrolmentId: Id,
  learnerId: Id,
  learnerCode: Type.String(),
  periodId: Id,
  pointId: Id,
  formationId: Type.Union([Id, Type.Null()], { description: 'The validated formation of the enrolment point (its choice window).' }),
  entries: Type.Array(CursusEntry, { description: 'Parents before children, siblings in the curriculum order.' }),
  groupings: Type.Array(CursusGrouping),
  window: Type.Union([ChoiceWindow, Type.Null()], { description: 'The choice window of the formation; null: none set (students cannot choose yet).' }),
  arrangements: Type.Array(Arrangement, { description: 'Special arrangements (aménagements) for the assessments.' }),
  version: Version,
  updatedAt: Timestamp,
});
export type Cursus = Static<typeof Cursus>;

export const PutChoices = Type.Object(
  {
    grouping: CursusPath,
    children: Type.Array(CursusPath, { maxItems: 1000, uniqueItems: true, description: 'The whole choice in the grouping: paths of its children.' }),
  },
  { additionalProperties: false },
);
export type PutChoices = Static<typeof PutChoices>;

export const OfferAnswer = Type.Object({ path: CursusPath, accept: Type.Boolean() }, { additionalProperties: false });
export type OfferAnswer = Static<typeof OfferAnswer>;

export const PutChoiceWindow = Type.Object({ opensAt: Timestamp, closesAt: Timestamp }, { additionalProperties: false });
export type PutChoiceWindow = Static<typeof PutChoiceWindow>;

export const EnrolmentParams = Type.Object({ enrolmentId: Id }, { additionalProperties: false });
export const FormationParams = Type.Object({ formationId: Id }, { additionalProperties: false });

export const PutExemption = Type.Object(
  { path: CursusPath, reason: Type.String({ minLength: 3, maxLength: 500, description: 'Why: kept with the exemption.' }) },
  { additionalProperties: false },
);
export type PutExemption = Static<typeof PutExemption>;

export const PutCarriedCredit = Type.Object(
  { path: CursusPath, mark: Mark, fromPeriod: Type.String({ minLength: 4, maxLength: 40, description: 'The year it was acquired, e.g. 2025-2026.' }) },
  { additionalProperties: false },
);
export type PutCarriedCredit = Static<typeof PutCarriedCredit>;

export const EntryQuery = Type.Object({ path: CursusPath }, { additionalProperties: false });

export const PutArrangements = Type.Object({ arrangements: Type.Array(Arrangement, { maxItems: 20 }) }, { additionalProperties: false });
export type PutArrangements = Static<typeof PutArrangements>;

import { Type, type Static } from 'typebox';
import { Id, Timestamp, Version } from '@pegase/referential/contract';

export const Path = Type.String({
  minLength: 1,
  maxLength: 1000,
  description: 'Codes from the formation down to the object, joined by ">": one object in one context (curriculum paths).',
  examples: ['LIC-INFO>LIC-INFO-L1>S1>UE1>EC11'],
});

/** An exact decimal with at most 3 decimals, as a string: never binary floating point (decision 0014). */
export const Decimal = Type.String({
  pattern: '^[0-9]{1,6}([.,][0-9]{1,3})?$',
  description: 'A decimal with at most 3 decimals, as a string.',
  examples: ['1.5'],
});

/** A mark on 20 in exact decimal: at most 3 decimals. */
export const Mark = Type.String({
  pattern: '^(20(\\.0{1,3})?|1?[0-9](\\.[0-9]{1,3})?)$',
  description: 'From 0 to 20, at most 3 decimals, as a string.',
  examples: ['14.5'],
});

export const Session = Type.Union([Type.Literal(1), Type.Literal(2)], { description: '1, then 2 for resits.' });
export const AbjPolicy = Type.Union([Type.Literal('neutral'), Type.Literal('zero')], {
  description: 'neutral: a justified absence is left out of the mean; zero: it counts 0.',
});
export const Session2Policy = Type.Union([Type.Literal('best'), Type.Literal('replace')], {
  description: 'best: the better of the two sessions; replace: session 2 replaces session 1.',
});

export const RuleQuery = Type.Object({ periodId: Id, path: Path }, { additionalProperties: false });

export const PutRule = Type.Object(
  {
    coefficient: Type.Optional(Decimal),
    passMark: Type.Optional(Mark),
    credits: Type.Optional(Decimal),
    compensates: Type.Optional(Type.Boolean()),
    eliminatory: Type.Optional(Type.Union([Mark, Type.Null()])),
    abjPolicy: Type.Optional(AbjPolicy),
    session2: Type.Optional(Session2Policy),
  },
  { additionalProperties: false, description: 'The whole rule: a field left out takes the default of the object’s type.' },
);
export type PutRule = Static<typeof PutRule>;

/** The rules (MCC) of a path as the results use them: stored, or the defaults of its object's type. */
export const Rule = Type.Object({
  periodId: Id,
  path: Path,
  objectType: Type.String(),
  coefficient: Decimal,
  passMark: Decimal,
  credits: Decimal,
  compensates: Type.Boolean(),
  eliminatory: Type.Union([Decimal, Type.Null()]),
  abjPolicy: AbjPolicy,
  session2: Session2Policy,
  honours: Type.Boolean({ description: 'A year or a formation: a passed result carries honours.' }),
  source: Type.Union([Type.Literal('default'), Type.Literal('stored')]),
  version: Type.Union([Version, Type.Null()], { description: 'null for defaults.' }),
});
export type Rule = Static<typeof Rule>;

export const CreateAssessment = Type.Object(
  {
    periodId: Id,
    path: Path,
    session: Session,
    code: Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]{0,39}$', examples: ['CC1', 'EXAM'] }),
    label: Type.String({ minLength: 1, maxLength: 200 }),
    coefficient: Type.Optional(Decimal),
    scale: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 1000,
        description: 'The mark of a full score (barème): marks are entered from 0 to it; 20 when left out. Results convert them to 20 (decision 0015).',
        examples: [20, 10, 100],
      }),
    ),
  },
  { additionalProperties: false },
);
export type CreateAssessment = Static<typeof CreateAssessment>;

export const Assessment = Type.Object({
  id: Id,
  periodId: Id,
  path: Path,
  session: Session,
  code: Type.String(),
  label: Type.String(),
  coefficient: Decimal,
  scale: Type.Integer({
    minimum: 1,
    maximum: 1000,
    description: 'The scale (barème): marks are entered and shown from 0 to it; the results convert them to 20, rounded half up to the thousandth.',
  }),
  locked: Type.Union([Type.Object({ at: Timestamp, by: Type.String() }), Type.Null()]),
});
export type Assessment = Static<typeof Assessment>;

export const AssessmentQuery = Type.Object({ periodId: Id, path: Path }, { additionalProperties: false });
export const AssessmentParams = Type.Object({ id: Id }, { additionalProperties: false });
export const MarkParams = Type.Object({ id: Id, enrolmentId: Id }, { additionalProperties: false });

/** A mark as entered: on 20, or an absence; null: none (not entered, or cleared). */
export const MarkValue = Type.Union([Type.String(), Type.Null()], {
  description: '"12.5" (on the assessment’s scale, at most 3 decimals), "ABI" (unjustified absence), "ABJ" (justified absence) or null (none).',
});

export const SheetLine = Type.Object({
  enrolmentId: Id,
  learnerId: Id,
  learnerCode: Type.String(),
  familyName: Type.String(),
  usageName: Type.Union([Type.String(), Type.Null()]),
  givenNames: Type.String(),
  mark: Type.Union([Type.String(), Type.Null()], { description: 'The current mark on the assessment’s scale ("12.500", "ABI", "ABJ") or null.' }),
  version: Type.Union([Type.Integer(), Type.Null()]),
});
export type SheetLine = Static<typeof SheetLine>;

export const Sheet = Type.Object({ assessment: Assessment, lines: Type.Array(SheetLine) });
export type Sheet = Static<typeof Sheet>;

export const PutMarks = Type.Object(
  {
    marks: Type.Array(Type.Object({ enrolmentId: Id, mark: MarkValue }, { additionalProperties: false }), { minItems: 1, maxItems: 5000 }),
  },
  { additionalProperties: false },
);
export type PutMarks = Static<typeof PutMarks>;

export const MarkChange = Type.Object({
  assessmentId: Id,
  enrolmentId: Id,
  before: Type.Union([Type.String(), Type.Null()]),
  after: Type.Union([Type.String(), Type.Null()]),
});
export type MarkChange = Static<typeof MarkChange>;

export const MarksReport = Type.Object({ changed: Type.Integer({ minimum: 0 }), unchanged: Type.Integer({ minimum: 0 }), changes: Type.Array(MarkChange) });
export type MarksReport = Static<typeof MarksReport>;

export const HistoryEntry = Type.Object({
  before: Type.Union([Type.String(), Type.Null()]),
  after: Type.Union([Type.String(), Type.Null()]),
  by: Type.String(),
  at: Timestamp,
  requestId: Type.String(),
});
export type HistoryEntry = Static<typeof HistoryEntry>;

export const ResultsParams = Type.Object({ enrolmentId: Id }, { additionalProperties: false });
export const ResultsQuery = Type.Object({ session: Type.Optional(Type.Union([Type.Literal('1'), Type.Literal('2')])) }, { additionalProperties: false });

const NodeResultFields = {
  path: Path,
  code: Type.String(),
  type: Type.String(),
  mark: Type.Union([Decimal, Type.Null()]),
  decision: Type.Union([
    Type.Literal('ADM'),
    Type.Literal('CMP'),
    Type.Literal('AJ'),
    Type.Literal('DEF'),
    Type.Literal('ABJ'),
    Type.Literal('DIS'),
    Type.Literal('INC'),
  ]),
  juryPoints: Decimal,
  credits: Decimal,
  honours: Type.Union([Type.Literal('TB'), Type.Literal('B'), Type.Literal('AB'), Type.Literal('P'), Type.Null()]),
  explanation: Type.Object({
    counted: Type.Array(Type.Object({ part: Type.String(), coefficient: Decimal, mark: Decimal })),
    leftOut: Type.Array(Type.Object({ part: Type.String(), why: Type.String() })),
    reason: Type.Record(Type.String(), Type.String(), { description: 'kind, and the facts of the decision (marks as decimal strings).' }),
  }),
};

/** A node of the results: its children have the same shape (left unchecked by the schema, as it is recursive). */
export const NodeResultBody = Type.Object({ ...NodeResultFields, children: Type.Array(Type.Unknown(), { description: 'The same shape, one per child.' }) });

export const Results = Type.Object({
  enrolmentId: Id,
  session: Session,
  computedAt: Timestamp,
  stored: Type.Literal(false, { description: 'Computed on the fly from the rules and marks: not deliberated, not published.' }),
  root: NodeResultBody,
});

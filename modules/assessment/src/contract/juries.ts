import { Type, type Static } from 'typebox';
import { Id, Timestamp } from '@pegase/referential/contract';
import { Decimal, NodeResultBody, Path, Session } from './assessment.ts';

export const JuryStatus = Type.Union([Type.Literal('open'), Type.Literal('deliberated'), Type.Literal('published')], {
  description: 'open: points may be given; deliberated: the results are stored and frozen; published: the students see them.',
});

export const Jury = Type.Object({
  id: Id,
  formationId: Id,
  periodId: Id,
  session: Session,
  status: JuryStatus,
  deliberatedAt: Type.Union([Timestamp, Type.Null()]),
  deliberatedBy: Type.Union([Type.String(), Type.Null()]),
  publishedAt: Type.Union([Timestamp, Type.Null()]),
  publishedBy: Type.Union([Type.String(), Type.Null()]),
  results: Type.Integer({ minimum: 0, description: 'Results stored by the deliberation.' }),
});
export type Jury = Static<typeof Jury>;

export const CreateJury = Type.Object({ formationId: Id, periodId: Id, session: Session }, { additionalProperties: false });
export type CreateJury = Static<typeof CreateJury>;

export const PutJuryPoints = Type.Object(
  { enrolmentId: Id, path: Path, points: Decimal },
  { additionalProperties: false, description: 'Points added to a node’s mark before its decision (0 removes them).' },
);
export type PutJuryPoints = Static<typeof PutJuryPoints>;

export const JuryResult = Type.Object({
  enrolmentId: Id,
  learnerId: Id,
  learnerCode: Type.String(),
  familyName: Type.String(),
  givenNames: Type.String(),
  mark: Type.Union([Decimal, Type.Null()]),
  decision: Type.String(),
  rank: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { description: 'Among the jury’s learners with a mark, by mark (ties share a rank).' }),
  root: NodeResultBody,
});
export type JuryResult = Static<typeof JuryResult>;

/** A student's published result: which jury, and the tree. */
export const MyResult = Type.Object({ jury: Jury, result: JuryResult });
export type MyResult = Static<typeof MyResult>;

export const JuryParams = Type.Object({ id: Id }, { additionalProperties: false });

/** A page of a jury's stored results (a jury's `results` says how many there are). */
export const JuryResultsQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 2000, default: 500, description: 'Results per page (500 unless said).' })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0, description: 'Results to skip, in rank order.' })),
  },
  { additionalProperties: false },
);

/** Which juries: those of a formation in a period (both sessions). */
export const JuryListQuery = Type.Object({ formationId: Id, periodId: Id }, { additionalProperties: false });

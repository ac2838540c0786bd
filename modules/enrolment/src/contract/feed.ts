import { Type, type Static } from 'typebox';
import { Id, Timestamp } from '@pegase/referential/contract';
import { Enrolment } from './enrolments.ts';

/** One line of the enrolments feed (NDJSON): the enrolment, who and where, and the cursor to resume after it. */
export const FeedLine = Type.Object({
  cursor: Type.String({ description: 'Send it back as ?since= to resume after this line.' }),
  changedAt: Timestamp,
  enrolment: Enrolment,
  learner: Type.Object({
    id: Id,
    code: Type.String(),
    ine: Type.Union([Type.String(), Type.Null()]),
    familyName: Type.String(),
    usageName: Type.Union([Type.String(), Type.Null()]),
    givenNames: Type.String(),
    email: Type.Union([Type.String(), Type.Null()]),
  }),
  point: Type.Object({ id: Id, code: Type.String(), path: Type.String(), ownerStructureId: Type.Union([Id, Type.Null()]) }),
});
export type FeedLine = Static<typeof FeedLine>;

export const FeedQuery = Type.Object(
  { since: Type.Optional(Type.String({ maxLength: 200, description: 'The cursor of the last line received; absent: from the beginning.' })) },
  { additionalProperties: false },
);

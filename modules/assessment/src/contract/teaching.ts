import { Type, type Static } from 'typebox';
import { Id, Timestamp } from '@pegase/referential/contract';
import { Assessment, Path } from './assessment.ts';

/** How a teaching assignment names a teacher: their login (the token's preferred_username), compared in lower case. */
export const TeacherLogin = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$',
  description: 'The teacher’s login (preferred_username of their token; their subject when the identity provider gives no login), case ignored.',
  examples: ['teacher'],
});

export const ObjectParams = Type.Object({ objectId: Id }, { additionalProperties: false });

export const PutTeachers = Type.Object(
  {
    teachers: Type.Array(TeacherLogin, {
      maxItems: 100,
      description: 'Every teacher of the course element: the list replaces the one before; [] leaves none.',
    }),
  },
  { additionalProperties: false },
);
export type PutTeachers = Static<typeof PutTeachers>;

export const TeachingAssignment = Type.Object({ teacher: Type.String(), assignedBy: Type.String(), assignedAt: Timestamp });

/** The teachers of a course element (an object of the offer: they teach it in every path where it appears). */
export const ObjectTeachers = Type.Object({
  objectId: Id,
  periodId: Id,
  code: Type.String(),
  labelFr: Type.String(),
  teachers: Type.Array(TeachingAssignment),
});
export type ObjectTeachers = Static<typeof ObjectTeachers>;

export const TeachingSheet = Type.Object({
  assessment: Assessment,
  learners: Type.Integer({ minimum: 0, description: 'Learners on the sheet.' }),
  marked: Type.Integer({ minimum: 0, description: 'Of them, those with a mark (or ABI, ABJ).' }),
});

/** A course element a teacher teaches, with its paths and the sheets of its assessments. */
export const TaughtObject = Type.Object({
  objectId: Id,
  periodId: Id,
  code: Type.String(),
  labelFr: Type.String(),
  labelEn: Type.Union([Type.String(), Type.Null()]),
  paths: Type.Array(Path),
  sheets: Type.Array(TeachingSheet),
});
export type TaughtObject = Static<typeof TaughtObject>;

export const MyTeachingQuery = Type.Object({ periodId: Type.Optional(Id) }, { additionalProperties: false });

import { Type, type Static } from 'typebox';
import { Id } from '@pegase/referential/contract';
import { EnrolmentStatus } from './enrolments.ts';

/** The most enrolments one bulk action handles. */
export const BULK_MAX_ENROLMENTS = 500;

export const BulkEnrolmentAction = Type.Object(
  {
    action: Type.Union([Type.Literal('validate'), Type.Literal('cancel')], {
      description: 'validate: as POST /enrolments/{id}/validate, for each enrolment; cancel: as POST /enrolments/{id}/cancel, with the same reason for each.',
    }),
    enrolmentIds: Type.Array(Id, {
      minItems: 1,
      maxItems: BULK_MAX_ENROLMENTS,
      uniqueItems: true,
      description: `The enrolments, each once (1 to ${BULK_MAX_ENROLMENTS}); the results come back in this order.`,
    }),
    reason: Type.Optional(
      Type.String({ minLength: 3, maxLength: 500, description: 'Why they are cancelled (kept on each enrolment): required to cancel, refused to validate.' }),
    ),
  },
  { additionalProperties: false },
);
export type BulkEnrolmentAction = Static<typeof BulkEnrolmentAction>;

/** What refused one enrolment: the problem the single route would have answered. */
export const BulkProblem = Type.Object({
  type: Type.String({ description: 'Stable URN of the kind of problem, e.g. urn:pegase:problem:fees-not-settled.' }),
  title: Type.String(),
  status: Type.Integer({ description: 'The status the single route would have answered (403 outside the caller’s structures, 409, 422…).' }),
  detail: Type.String({ description: 'What went wrong and what to do about it.' }),
});
export type BulkProblem = Static<typeof BulkProblem>;

export const BulkEnrolmentResult = Type.Object(
  {
    enrolmentId: Id,
    outcome: Type.Union([Type.Literal('done'), Type.Literal('failed')]),
    status: Type.Optional(EnrolmentStatus),
    problem: Type.Optional(BulkProblem),
  },
  { description: 'One enrolment: done, with its status after the action; or failed, with the problem, and nothing changed for it.' },
);
export type BulkEnrolmentResult = Static<typeof BulkEnrolmentResult>;

export const BulkEnrolmentOutcome = Type.Object({
  done: Type.Integer({ minimum: 0 }),
  failed: Type.Integer({ minimum: 0 }),
  results: Type.Array(BulkEnrolmentResult, { description: 'One per enrolment, in the order of the request.' }),
});
export type BulkEnrolmentOutcome = Static<typeof BulkEnrolmentOutcome>;

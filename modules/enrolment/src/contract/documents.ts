import { Type, type Static } from 'typebox';
import { Id, Timestamp } from '@pegase/referential/contract';

const DocumentType = Type.String({
  pattern: '^[A-Z0-9][A-Z0-9-]{0,39}$',
  description: 'A value of the nomenclature DOCUMENT-TYPE (PHOTO, IDENTITE, CVEC, BAC…).',
});

export const DOCUMENT_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const DOCUMENT_MAX_BYTES = 5 * 1024 * 1024;

export const DocumentRequirement = Type.Object({
  id: Id,
  documentType: DocumentType,
  pointId: Type.Union([Id, Type.Null()], { description: 'Only for this enrolment point; null: every point.' }),
  regime: Type.Union([Type.String(), Type.Null()], { description: 'Only for this régime (REGIME); null: all.' }),
  profile: Type.Union([Type.String(), Type.Null()], { description: 'Only for learners with this profile (PROFILE); null: all.' }),
  mandatory: Type.Boolean(),
});
export type DocumentRequirement = Static<typeof DocumentRequirement>;

export const CreateDocumentRequirement = Type.Object(
  {
    documentType: DocumentType,
    pointId: Type.Optional(Type.Union([Id, Type.Null()])),
    regime: Type.Optional(Type.Union([Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]{0,39}$' }), Type.Null()])),
    profile: Type.Optional(Type.Union([Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]{0,39}$' }), Type.Null()])),
    mandatory: Type.Optional(Type.Boolean({ default: true })),
  },
  { additionalProperties: false },
);
export type CreateDocumentRequirement = Static<typeof CreateDocumentRequirement>;

export const DocumentStatus = Type.Union([Type.Literal('missing'), Type.Literal('submitted'), Type.Literal('accepted'), Type.Literal('rejected')], {
  description: 'missing → submitted → accepted, or rejected with a reason (then submitted again).',
});

export const EnrolmentDocument = Type.Object({
  documentType: DocumentType,
  mandatory: Type.Boolean(),
  status: DocumentStatus,
  rejectReason: Type.Union([Type.String(), Type.Null()]),
  file: Type.Union([Type.Object({ id: Id, mediaType: Type.String(), size: Type.Integer(), sha256: Type.String() }), Type.Null()]),
  submittedAt: Type.Union([Timestamp, Type.Null()]),
  reviewedAt: Type.Union([Timestamp, Type.Null()]),
});
export type EnrolmentDocument = Static<typeof EnrolmentDocument>;

export const DocumentParams = Type.Object({ id: Id, documentType: DocumentType }, { additionalProperties: false });

export const ReviewDocument = Type.Object(
  {
    decision: Type.Union([Type.Literal('accepted'), Type.Literal('rejected')]),
    reason: Type.Optional(Type.String({ minLength: 3, maxLength: 500, description: 'Required when rejected: the student reads it.' })),
  },
  { additionalProperties: false },
);

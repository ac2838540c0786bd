import { Type, type Static } from 'typebox';
import { Code, Id, Labels, Timestamp, Version } from '@pegase/referential/contract';

export const objectStatuses = ['draft', 'validated', 'archived'] as const;
export const ObjectStatus = Type.Union([Type.Literal('draft'), Type.Literal('validated'), Type.Literal('archived')], {
  description: 'draft (being built), validated (frozen, visible to other modules), archived.',
});

export const TypeCode = Type.String({
  pattern: '^[a-z][a-z0-9-]{0,29}$',
  description: 'A kind of training object: formation, year, semester, ue, ec, grouping, track, or one the establishment added.',
  examples: ['ue'],
});

export const Hours = Type.Record(Type.String({ pattern: '^[A-Z][A-Z0-9]{0,9}$' }), Type.Number({ minimum: 0, maximum: 10_000 }), {
  description: 'Hours by teaching format, e.g. {"CM": 24, "TD": 36, "TP": 12}.',
});

export const ChoiceRange = Type.Object(
  {
    min: Type.Integer({ minimum: 0, maximum: 1000 }),
    max: Type.Integer({ minimum: 0, maximum: 1000 }),
  },
  { additionalProperties: false, description: 'How many children a learner chooses in a grouping: from min to max.' },
);

export const TrainingObject = Type.Object({
  id: Id,
  periodId: Id,
  code: Code,
  type: TypeCode,
  labels: Labels,
  ects: Type.Union([Type.Number({ minimum: 0, maximum: 999 }), Type.Null()], { description: 'ECTS credits.' }),
  hours: Hours,
  capacity: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], { description: 'Places, for objects open to choice; null: no limit.' }),
  openForChoice: Type.Boolean(),
  enrolmentPoint: Type.Boolean({ description: 'Administrative enrolment happens at this level (usually the year).' }),
  ownerStructureId: Type.Union([Id, Type.Null()], { description: 'The structure (referential) in charge of the object.' }),
  choice: Type.Union([ChoiceRange, Type.Null()], { description: 'Groupings only.' }),
  status: ObjectStatus,
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type TrainingObject = Static<typeof TrainingObject>;

const editable = {
  labels: Labels,
  ects: Type.Optional(Type.Union([Type.Number({ minimum: 0, maximum: 999, multipleOf: 0.5 }), Type.Null()])),
  hours: Type.Optional(Hours),
  capacity: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 1_000_000 }), Type.Null()])),
  openForChoice: Type.Optional(Type.Boolean()),
  enrolmentPoint: Type.Optional(Type.Boolean()),
  ownerStructureId: Type.Optional(Type.Union([Id, Type.Null()])),
  choice: Type.Optional(Type.Union([ChoiceRange, Type.Null()])),
};

export const CreateTrainingObject = Type.Object(
  {
    periodId: Id,
    code: Code,
    type: TypeCode,
    ...editable,
    parentId: Type.Optional(Type.Union([Id, Type.Null()], { description: 'Links the new object under this parent, last.' })),
  },
  { additionalProperties: false },
);
export type CreateTrainingObject = Static<typeof CreateTrainingObject>;

export const UpdateTrainingObject = Type.Object({ ...editable, labels: Type.Optional(Labels) }, { additionalProperties: false, minProperties: 1 });
export type UpdateTrainingObject = Static<typeof UpdateTrainingObject>;

export const objectSortFields = ['code', 'label'] as const;
export const ObjectFilters = {
  periodId: Type.Optional(Id),
  type: Type.Optional(TypeCode),
  status: Type.Optional(ObjectStatus),
  ownerStructureId: Type.Optional(Id),
  q: Type.Optional(
    Type.String({ minLength: 1, maxLength: 100, description: 'Code or label, accents and case ignored, close spellings found too (trigram similarity).' }),
  ),
};

export const ObjectType = Type.Object({
  code: TypeCode,
  labels: Labels,
  grouping: Type.Boolean({ description: 'Holds a choice range over its children.' }),
  builtin: Type.Boolean(),
});
export type ObjectType = Static<typeof ObjectType>;

export const CreateObjectType = Type.Object({ code: TypeCode, labels: Labels, grouping: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
export type CreateObjectType = Static<typeof CreateObjectType>;

export const LinkBody = Type.Object(
  { position: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, description: 'Place among the children, from 0; default: last.' })) },
  { additionalProperties: false },
);
export const LinkParams = Type.Object({ id: Id, childId: Id }, { additionalProperties: false });
export const Link = Type.Object({ parentId: Id, childId: Id, position: Type.Integer() });
export type Link = Static<typeof Link>;

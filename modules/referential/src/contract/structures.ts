import { Type, type Static } from 'typebox';
import { Code, Id, IsoDate, Labels, Timestamp, Version } from './common.ts';

export const structureTypes = ['ufr', 'institute', 'school', 'department', 'laboratory', 'service'] as const;
export const StructureType = Type.Union(
  [Type.Literal('ufr'), Type.Literal('institute'), Type.Literal('school'), Type.Literal('department'), Type.Literal('laboratory'), Type.Literal('service')],
  { description: 'ufr, institute, school (composantes), department, laboratory, service.' },
);

export const Structure = Type.Object({
  id: Id,
  code: Code,
  type: StructureType,
  labels: Labels,
  parentId: Type.Union([Id, Type.Null()], { description: 'null for a structure directly under the establishment.' }),
  /** Ids from the top structure down to this one: the staff scope of issue 3 is a prefix of it. */
  ancestorIds: Type.Array(Id, { description: 'Ids of the ancestors, from the top down.' }),
  closedOn: Type.Union([IsoDate, Type.Null()], { description: 'Day after which the structure no longer exists.' }),
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Structure = Static<typeof Structure>;

export const CreateStructure = Type.Object(
  {
    code: Code,
    type: StructureType,
    labels: Labels,
    parentId: Type.Optional(Type.Union([Id, Type.Null()])),
    closedOn: Type.Optional(Type.Union([IsoDate, Type.Null()])),
  },
  { additionalProperties: false },
);
export type CreateStructure = Static<typeof CreateStructure>;

export const UpdateStructure = Type.Object(
  {
    type: Type.Optional(StructureType),
    labels: Type.Optional(Labels),
    parentId: Type.Optional(Type.Union([Id, Type.Null()], { description: 'Moves the structure (and its subtree) under another parent.' })),
    closedOn: Type.Optional(Type.Union([IsoDate, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateStructure = Static<typeof UpdateStructure>;

export const structureSortFields = ['code', 'label'] as const;
export const StructureFilters = {
  parentId: Type.Optional(Type.Union([Id, Type.Literal('none')], { description: 'Direct children of this structure; `none` for the top-level structures.' })),
  within: Type.Optional(Type.String({ format: 'uuid', description: 'This structure and everything below it.' })),
  type: Type.Optional(StructureType),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Text contained in the code or the labels, case ignored.' })),
  open: Type.Optional(Type.Boolean({ description: 'true: only structures not closed today; false: only closed ones.' })),
  englishLabel: Type.Optional(
    Type.Boolean({
      description: 'true: only structures with an English label; false: only those still without one (a work queue: diploma supplements need it).',
    }),
  ),
};

import { Type, type Static } from 'typebox';
import { Id, Timestamp } from '@pegase/referential/contract';
import { CursusPath, EntryStatus } from './cursus.ts';

const GroupKind = Type.String({
  pattern: '^[A-Z][A-Z0-9]{0,9}$',
  description: 'TD, TP…: a learner follows one group of each kind of an object.',
  examples: ['TD'],
});
const GroupCode = Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]{0,39}$', examples: ['TD1'] });

export const Group = Type.Object({
  id: Id,
  objectId: Id,
  kind: GroupKind,
  code: GroupCode,
  capacity: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { description: 'Places; null: no limit.' }),
  members: Type.Integer({ minimum: 0 }),
  createdAt: Timestamp,
});
export type Group = Static<typeof Group>;

export const CreateGroup = Type.Object(
  { kind: GroupKind, code: GroupCode, capacity: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 10_000 }), Type.Null()])) },
  { additionalProperties: false },
);
export type CreateGroup = Static<typeof CreateGroup>;

export const UpdateGroup = Type.Object(
  { code: Type.Optional(GroupCode), capacity: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 10_000 }), Type.Null()])) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateGroup = Static<typeof UpdateGroup>;

export const Placement = Type.Object({ enrolmentId: Id, path: CursusPath }, { additionalProperties: false });
export type Placement = Static<typeof Placement>;

export const SplitGroups = Type.Object({ kind: GroupKind }, { additionalProperties: false });

export const SplitReport = Type.Object({
  placed: Type.Integer({ minimum: 0, description: 'Learners placed by this split.' }),
  unplaced: Type.Integer({ minimum: 0, description: 'Learners left without a group: every group of the kind is full.' }),
  groups: Type.Array(Group),
});
export type SplitReport = Static<typeof SplitReport>;

/** One learner following an object (in one of its paths), with their groups. */
export const ClassMember = Type.Object({
  enrolmentId: Id,
  learnerCode: Type.String(),
  familyName: Type.String(),
  usageName: Type.Union([Type.String(), Type.Null()]),
  givenNames: Type.String(),
  path: CursusPath,
  status: EntryStatus,
  exempted: Type.Boolean({ description: 'Exempted (dispense) from the object.' }),
  carriedOver: Type.Boolean({ description: 'Acquired in an earlier year (a credit carried over).' }),
  groups: Type.Array(GroupCode, { description: 'Codes of the groups of the object they are placed in.' }),
});
export type ClassMember = Static<typeof ClassMember>;

export const ClassList = Type.Object({
  objectId: Id,
  code: Type.String(),
  members: Type.Array(ClassMember, { description: 'By family name, given names, code.' }),
});
export type ClassList = Static<typeof ClassList>;

export const ClassListQuery = Type.Object(
  {
    groupId: Type.Optional(Id),
    path: Type.Optional(CursusPath),
    format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')], { description: 'csv: semicolon-separated UTF-8 with a BOM (Excel).' })),
  },
  { additionalProperties: false },
);

export const ObjectParams = Type.Object({ objectId: Id }, { additionalProperties: false });
export const GroupParams = Type.Object({ groupId: Id }, { additionalProperties: false });

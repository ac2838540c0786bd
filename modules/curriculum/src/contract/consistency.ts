import { Type, type Static } from 'typebox';
import { Id } from '@pegase/referential/contract';
import { Path } from './tree.ts';

export const Finding = Type.Object({
  kind: Type.Union([
    Type.Literal('empty-grouping'),
    Type.Literal('unsatisfiable-range'),
    Type.Literal('missing-range'),
    Type.Literal('credits-mismatch'),
    Type.Literal('no-owner'),
    Type.Literal('archived-child'),
  ]),
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning')], { description: 'Errors block the validation; warnings do not.' }),
  objectId: Id,
  path: Path,
  message: Type.String(),
});
export type Finding = Static<typeof Finding>;

export const ConsistencyReport = Type.Object({
  root: Id,
  objects: Type.Integer({ description: 'Objects checked.' }),
  errors: Type.Integer(),
  warnings: Type.Integer(),
  findings: Type.Array(Finding),
});
export type ConsistencyReport = Static<typeof ConsistencyReport>;

export const CopyPeriodBody = Type.Object(
  { toPeriodId: Id },
  { additionalProperties: false, description: 'The period receiving the copy: it must have no training object yet.' },
);
export const CopyReport = Type.Object({ fromPeriodId: Id, toPeriodId: Id, objects: Type.Integer(), links: Type.Integer() });
export type CopyReport = Static<typeof CopyReport>;

import { Type, type Static } from 'typebox';
import { Code, Id, IsoDate, Labels, Timestamp, Version } from './common.ts';

export const periodTypes = ['academic-year', 'semester', 'trimester', 'other'] as const;
export const PeriodType = Type.Union([Type.Literal('academic-year'), Type.Literal('semester'), Type.Literal('trimester'), Type.Literal('other')], {
  description: 'academic-year (e.g. 2026-2027) or a sub-period: semester, trimester, other.',
});

export const Period = Type.Object({
  id: Id,
  code: Code,
  type: PeriodType,
  labels: Labels,
  startDate: IsoDate,
  endDate: IsoDate,
  parentId: Type.Union([Id, Type.Null()], { description: 'The academic year a sub-period belongs to; null for an academic year.' }),
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Period = Static<typeof Period>;

export const CreatePeriod = Type.Object(
  {
    code: Code,
    type: PeriodType,
    labels: Labels,
    startDate: IsoDate,
    endDate: IsoDate,
    parentId: Type.Optional(Type.Union([Id, Type.Null()])),
  },
  { additionalProperties: false },
);
export type CreatePeriod = Static<typeof CreatePeriod>;

export const UpdatePeriod = Type.Object(
  {
    labels: Type.Optional(Labels),
    startDate: Type.Optional(IsoDate),
    endDate: Type.Optional(IsoDate),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdatePeriod = Static<typeof UpdatePeriod>;

export const periodSortFields = ['startDate', 'code'] as const;
export const PeriodFilters = {
  type: Type.Optional(PeriodType),
  parentId: Type.Optional(Type.Union([Id, Type.Literal('none')], { description: 'Sub-periods of this period; `none` for academic years.' })),
  at: Type.Optional(Type.String({ format: 'date', description: 'Only periods that contain this date.' })),
};

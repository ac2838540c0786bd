import { Type, type Static } from 'typebox';
import { Code, Id, IsoDate, Labels, Timestamp, Version } from './common.ts';

export const Nomenclature = Type.Object({
  code: Code,
  labels: Labels,
  description: Type.Union([Type.String(), Type.Null()]),
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Nomenclature = Static<typeof Nomenclature>;

export const CreateNomenclature = Type.Object(
  {
    code: Code,
    labels: Labels,
    description: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type CreateNomenclature = Static<typeof CreateNomenclature>;

export const UpdateNomenclature = Type.Object(
  {
    labels: Type.Optional(Labels),
    description: Type.Optional(Type.Union([Type.String({ maxLength: 1000 }), Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateNomenclature = Static<typeof UpdateNomenclature>;

/**
 * A value is keyed by (nomenclature, code, validFrom) and usable only on the
 * dates from validFrom to validTo inclusive; validTo null means open-ended.
 * Intervals of one code never overlap.
 */
export const NomenclatureValue = Type.Object({
  id: Id,
  nomenclature: Code,
  code: Code,
  labels: Labels,
  validFrom: IsoDate,
  validTo: Type.Union([IsoDate, Type.Null()]),
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type NomenclatureValue = Static<typeof NomenclatureValue>;

export const CreateNomenclatureValue = Type.Object(
  {
    code: Code,
    labels: Labels,
    validFrom: IsoDate,
    validTo: Type.Optional(Type.Union([IsoDate, Type.Null()])),
  },
  { additionalProperties: false },
);
export type CreateNomenclatureValue = Static<typeof CreateNomenclatureValue>;

export const UpdateNomenclatureValue = Type.Object(
  {
    labels: Type.Optional(Labels),
    validTo: Type.Optional(Type.Union([IsoDate, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateNomenclatureValue = Static<typeof UpdateNomenclatureValue>;

export const nomenclatureValueSortFields = ['code', 'validFrom', 'label'] as const;
export const NomenclatureValueFilters = {
  at: Type.Optional(Type.String({ format: 'date', description: 'Only values valid on this date.' })),
  code: Type.Optional(Code),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Text contained in the code or the labels, case ignored.' })),
};

/** Outcome of a CSV import: all lines are applied, or none. */
export const ImportReport = Type.Object({
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
});
export type ImportReport = Static<typeof ImportReport>;

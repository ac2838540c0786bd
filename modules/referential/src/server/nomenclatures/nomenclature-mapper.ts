import type { Nomenclature, NomenclatureValue } from '../../contract/index.ts';
import type { nomenclatures, nomenclatureValues } from '../shared/tables.ts';
import { labelsOf } from '../shared/labels.ts';

export type NomenclatureRow = typeof nomenclatures.$inferSelect;
export type NomenclatureValueRow = typeof nomenclatureValues.$inferSelect;

export function toNomenclature(row: NomenclatureRow): Nomenclature {
  return {
    code: row.code,
    labels: labelsOf(row),
    description: row.description,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toNomenclatureValue(row: NomenclatureValueRow): NomenclatureValue {
  return {
    id: row.id,
    nomenclature: row.nomenclature,
    code: row.code,
    labels: labelsOf(row),
    validFrom: row.validFrom,
    validTo: row.validTo,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

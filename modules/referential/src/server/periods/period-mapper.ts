import type { Period } from '../../contract/index.ts';
import type { periods } from '../shared/tables.ts';
import { labelsOf } from '../shared/labels.ts';

export type PeriodRow = typeof periods.$inferSelect;

export function toPeriod(row: PeriodRow): Period {
  return {
    id: row.id,
    code: row.code,
    type: row.type as Period['type'],
    labels: labelsOf(row),
    startDate: row.startDate,
    endDate: row.endDate,
    parentId: row.parentId,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

import type { Structure } from '../../contract/index.ts';
import type { structures } from '../shared/tables.ts';
import { labelsOf } from '../shared/labels.ts';

export type StructureRow = typeof structures.$inferSelect;

export function toStructure(row: StructureRow): Structure {
  return {
    id: row.id,
    code: row.code,
    type: row.type as Structure['type'],
    labels: labelsOf(row),
    parentId: row.parentId,
    ancestorIds: row.ancestorIds,
    closedOn: row.closedOn,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

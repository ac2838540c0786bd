import type { TrainingObject } from '../../contract/index.ts';
import type { objects } from '../shared/tables.ts';

export type ObjectRow = typeof objects.$inferSelect;

export function toTrainingObject(row: ObjectRow): TrainingObject {
  return {
    id: row.id,
    periodId: row.periodId,
    code: row.code,
    type: row.type,
    labels: row.labelEn === null ? { fr: row.labelFr } : { fr: row.labelFr, en: row.labelEn },
    ects: row.ects === null ? null : Number(row.ects),
    hours: row.hours,
    capacity: row.capacity,
    openForChoice: row.openForChoice,
    enrolmentPoint: row.enrolmentPoint,
    ownerStructureId: row.ownerStructureId,
    choice: row.choiceMin === null || row.choiceMax === null ? null : { min: row.choiceMin, max: row.choiceMax },
    status: row.status,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

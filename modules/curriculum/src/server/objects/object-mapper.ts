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

/** An object's row as `to_jsonb(objects)` gives it (snake_case, ISO timestamps), in Drizzle's shape. */
export function objectRowOf(json: Record<string, unknown>): ObjectRow {
  const nullable = <T>(value: unknown) => (value === null || value === undefined ? null : (value as T));
  return {
    id: String(json['id']),
    periodId: String(json['period_id']),
    code: String(json['code']),
    type: String(json['type']),
    labelFr: String(json['label_fr']),
    labelEn: nullable<string>(json['label_en']),
    ects: json['ects'] === null || json['ects'] === undefined ? null : Number(json['ects']),
    hours: (json['hours'] ?? {}) as Record<string, number>,
    capacity: nullable<number>(json['capacity']),
    openForChoice: Boolean(json['open_for_choice']),
    enrolmentPoint: Boolean(json['enrolment_point']),
    ownerStructureId: nullable<string>(json['owner_structure_id']),
    choiceMin: nullable<number>(json['choice_min']),
    choiceMax: nullable<number>(json['choice_max']),
    status: json['status'] as ObjectRow['status'],
    searchText: String(json['search_text']),
    version: Number(json['version']),
    createdAt: new Date(String(json['created_at'])),
    updatedAt: new Date(String(json['updated_at'])),
  };
}

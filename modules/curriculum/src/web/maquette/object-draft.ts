import type { CreateObjectBody, TrainingObject, UpdateObjectBody } from '../curriculum-api.ts';

/** The teaching formats the form offers; other formats the API holds are kept as they are. */
export const HOUR_FORMATS = ['CM', 'TD', 'TP'] as const;
export type HourFormat = (typeof HOUR_FORMATS)[number];

/** What the edit form holds: text as typed, turned into numbers when sent. */
export interface ObjectDraft {
  labelFr: string;
  labelEn: string;
  ects: string;
  hours: Record<HourFormat, string>;
  capacity: string;
  openForChoice: boolean;
  enrolmentPoint: boolean;
  choiceMin: string;
  choiceMax: string;
}

const text = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));

export function draftOf(object: TrainingObject): ObjectDraft {
  return {
    labelFr: object.labels.fr,
    labelEn: object.labels.en ?? '',
    ects: text(object.ects),
    hours: { CM: text(object.hours['CM']), TD: text(object.hours['TD']), TP: text(object.hours['TP']) },
    capacity: text(object.capacity),
    openForChoice: object.openForChoice,
    enrolmentPoint: object.enrolmentPoint,
    choiceMin: text(object.choice?.min),
    choiceMax: text(object.choice?.max),
  };
}

/** A decimal as a French or English person types it (`7,5` or `7.5`); null when empty, NaN when not a number. */
export function numberOf(value: string): number | null {
  const trimmed = value.trim().replace(',', '.');
  if (trimmed === '') return null;
  return /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/**
 * What the person can fix before sending, by the JSON pointer the API uses:
 * the schema's rules (a French label, numbers in range, half ECTS, whole
 * places and choices). The business rules (min ≤ max) stay the API's.
 */
export function checkDraft(draft: ObjectDraft, grouping: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  if (draft.labelFr.trim() === '') errors['/labels/fr'] = 'form.messages.required';
  const ects = numberOf(draft.ects);
  if (ects !== null && (Number.isNaN(ects) || ects > 999 || !Number.isInteger(ects * 2))) errors['/ects'] = 'messages.ects';
  for (const format of HOUR_FORMATS) {
    const hours = numberOf(draft.hours[format]);
    if (hours !== null && (Number.isNaN(hours) || hours > 10_000)) errors[`/hours/${format}`] = 'messages.hours';
  }
  const capacity = numberOf(draft.capacity);
  if (capacity !== null && (Number.isNaN(capacity) || !Number.isInteger(capacity))) errors['/capacity'] = 'messages.wholeNumber';
  if (grouping) {
    const min = numberOf(draft.choiceMin);
    const max = numberOf(draft.choiceMax);
    if (min !== null && (Number.isNaN(min) || !Number.isInteger(min))) errors['/choice/min'] = 'messages.wholeNumber';
    if (max !== null && (Number.isNaN(max) || !Number.isInteger(max))) errors['/choice/max'] = 'messages.wholeNumber';
    if ((min === null) !== (max === null)) errors[min === null ? '/choice/min' : '/choice/max'] = 'messages.rangeBoth';
  }
  return errors;
}

const labelsOf = (draft: { labelFr: string; labelEn: string }) => ({
  fr: draft.labelFr.trim(),
  ...(draft.labelEn.trim() ? { en: draft.labelEn.trim() } : {}),
});

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only what changed, so that the history tells what the person did. Hours of other formats are kept. */
export function changesOf(object: TrainingObject, draft: ObjectDraft, grouping: boolean): UpdateObjectBody {
  const changes: UpdateObjectBody = {};
  const labels = labelsOf(draft);
  if (!same(labels, { fr: object.labels.fr, ...(object.labels.en ? { en: object.labels.en } : {}) })) changes.labels = labels;
  const ects = numberOf(draft.ects);
  if (ects !== object.ects) changes.ects = ects;
  const hours: Record<string, number> = Object.fromEntries(
    Object.entries(object.hours).filter(([format]) => !(HOUR_FORMATS as readonly string[]).includes(format)),
  );
  for (const format of HOUR_FORMATS) {
    const value = numberOf(draft.hours[format]);
    if (value !== null) hours[format] = value;
  }
  const sorted = (record: Record<string, number>) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
  if (!same(sorted(hours), sorted(object.hours))) changes.hours = hours;
  const capacity = numberOf(draft.capacity);
  if (capacity !== object.capacity) changes.capacity = capacity;
  if (draft.openForChoice !== object.openForChoice) changes.openForChoice = draft.openForChoice;
  if (draft.enrolmentPoint !== object.enrolmentPoint) changes.enrolmentPoint = draft.enrolmentPoint;
  if (grouping) {
    const min = numberOf(draft.choiceMin);
    const max = numberOf(draft.choiceMax);
    const choice = min === null || max === null ? null : { min, max };
    if (!same(choice, object.choice)) changes.choice = choice;
  }
  return changes;
}

/** A new object of the period: the formation itself, or a child placed last under its parent. */
export interface NewObjectDraft {
  code: string;
  type: string;
  labelFr: string;
  labelEn: string;
  ects: string;
}

export const emptyNewObject: NewObjectDraft = { code: '', type: '', labelFr: '', labelEn: '', ects: '' };

const CODE = /^[A-Z0-9][A-Z0-9-]{0,39}$/;

export function checkNewObject(draft: NewObjectDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (draft.code.trim() === '') errors['/code'] = 'form.messages.required';
  else if (!CODE.test(draft.code.trim())) errors['/code'] = 'form.messages.pattern';
  if (draft.type === '') errors['/type'] = 'form.messages.required';
  if (draft.labelFr.trim() === '') errors['/labels/fr'] = 'form.messages.required';
  const ects = numberOf(draft.ects);
  if (ects !== null && (Number.isNaN(ects) || ects > 999 || !Number.isInteger(ects * 2))) errors['/ects'] = 'messages.ects';
  return errors;
}

export function creationOf(
  draft: NewObjectDraft,
  context: { periodId: string; ownerStructureId: string | null; parentId?: string | undefined },
): CreateObjectBody {
  const ects = numberOf(draft.ects);
  return {
    periodId: context.periodId,
    code: draft.code.trim(),
    type: draft.type,
    labels: labelsOf(draft),
    ...(ects === null ? {} : { ects }),
    ownerStructureId: context.ownerStructureId,
    ...(context.parentId ? { parentId: context.parentId } : {}),
  };
}

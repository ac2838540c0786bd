import type { TFunction } from 'i18next';

/** The names of a structure's fields in the history, in the person's language. */
export const structureFieldLabel = (t: TFunction) => (field: string) => t(`structures.fields.${field}`, { defaultValue: field });

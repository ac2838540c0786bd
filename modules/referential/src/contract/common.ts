import { Type } from 'typebox';

/** Codes of objects are upper-case letters, digits and hyphens (DOMAIN.md). */
export const Code = Type.String({
  pattern: '^[A-Z0-9][A-Z0-9-]{0,39}$',
  minLength: 1,
  maxLength: 40,
  description: 'Upper-case code: A–Z, 0–9 and "-", 1 to 40 characters.',
  examples: ['UFR-SCI'],
});
export const Id = Type.String({ format: 'uuid' });
export const IsoDate = Type.String({ format: 'date', description: 'ISO 8601 date, YYYY-MM-DD.', examples: ['2026-09-01'] });
export const Timestamp = Type.String({ format: 'date-time' });
export const Version = Type.Integer({ minimum: 1, description: 'Incremented at each change; send it back in If-Match to update.' });

/** Labels in French (required) and English (optional). */
export const Labels = Type.Object(
  {
    fr: Type.String({ minLength: 1, maxLength: 200 }),
    en: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });

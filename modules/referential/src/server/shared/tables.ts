import { boolean, date, integer, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Drizzle's view of the schema created by migrations/ (the SQL is the source). */
export const referentialSchema = pgSchema('referential');

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
};

export const establishment = referentialSchema.table('establishment', {
  singleton: boolean('singleton').primaryKey().default(true),
  uai: text('uai').notNull(),
  name: text('name').notNull(),
  shortName: text('short_name'),
  city: text('city'),
  website: text('website'),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const structures = referentialSchema.table('structures', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull(),
  type: text('type').notNull(),
  labelFr: text('label_fr').notNull(),
  labelEn: text('label_en'),
  parentId: uuid('parent_id'),
  ancestorIds: uuid('ancestor_ids').array().notNull(),
  closedOn: date('closed_on', { mode: 'string' }),
  version: integer('version').notNull().default(1),
  ...timestamps,
});

export const periods = referentialSchema.table('periods', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull(),
  type: text('type').notNull(),
  labelFr: text('label_fr').notNull(),
  labelEn: text('label_en'),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  endDate: date('end_date', { mode: 'string' }).notNull(),
  parentId: uuid('parent_id'),
  version: integer('version').notNull().default(1),
  ...timestamps,
});

export const nomenclatures = referentialSchema.table('nomenclatures', {
  code: text('code').primaryKey(),
  labelFr: text('label_fr').notNull(),
  labelEn: text('label_en'),
  description: text('description'),
  version: integer('version').notNull().default(1),
  ...timestamps,
});

export const nomenclatureValues = referentialSchema.table('nomenclature_values', {
  id: uuid('id').primaryKey(),
  nomenclature: text('nomenclature').notNull(),
  code: text('code').notNull(),
  labelFr: text('label_fr').notNull(),
  labelEn: text('label_en'),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  validTo: date('valid_to', { mode: 'string' }),
  version: integer('version').notNull().default(1),
  ...timestamps,
});

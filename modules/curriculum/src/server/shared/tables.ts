import { boolean, date, integer, jsonb, numeric, pgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Drizzle's view of the schema created by migrations/ (the SQL is the source). */
export const curriculumSchema = pgSchema('curriculum');

export const periods = curriculumSchema.table('periods', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull(),
  type: text('type').notNull(),
  labelFr: text('label_fr').notNull(),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  endDate: date('end_date', { mode: 'string' }).notNull(),
});

export const structures = curriculumSchema.table('structures', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull(),
  labelFr: text('label_fr').notNull(),
  ancestorIds: uuid('ancestor_ids').array().notNull(),
  lineageCodes: text('lineage_codes').array().notNull(),
});

export const objectTypes = curriculumSchema.table('object_types', {
  code: text('code').primaryKey(),
  labelFr: text('label_fr').notNull(),
  labelEn: text('label_en'),
  grouping: boolean('grouping').notNull(),
  builtin: boolean('builtin').notNull(),
});

export const objects = curriculumSchema.table('objects', {
  id: uuid('id').primaryKey(),
  periodId: uuid('period_id').notNull(),
  code: text('code').notNull(),
  type: text('type').notNull(),
  labelFr: text('label_fr').notNull(),
  labelEn: text('label_en'),
  ects: numeric('ects', { mode: 'number' }),
  hours: jsonb('hours').$type<Record<string, number>>().notNull(),
  capacity: integer('capacity'),
  openForChoice: boolean('open_for_choice').notNull(),
  enrolmentPoint: boolean('enrolment_point').notNull(),
  ownerStructureId: uuid('owner_structure_id'),
  choiceMin: integer('choice_min'),
  choiceMax: integer('choice_max'),
  status: text('status').$type<'draft' | 'validated' | 'archived'>().notNull(),
  searchText: text('search_text').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const links = curriculumSchema.table(
  'links',
  {
    parentId: uuid('parent_id').notNull(),
    childId: uuid('child_id').notNull(),
    position: integer('position').notNull(),
  },
  (table) => [primaryKey({ columns: [table.parentId, table.childId] })],
);

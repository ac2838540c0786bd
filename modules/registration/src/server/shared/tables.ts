import { boolean, integer, numeric, pgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Drizzle's view of the schema created by migrations/ (the SQL is the source). */
export const registrationSchema = pgSchema('registration');

export const structures = registrationSchema.table('structures', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull(),
  lineageCodes: text('lineage_codes').array().notNull(),
});

export const objects = registrationSchema.table('objects', {
  id: uuid('id').primaryKey(),
  periodId: uuid('period_id').notNull(),
  formationId: uuid('formation_id').notNull(),
  code: text('code').notNull(),
  type: text('type').notNull(),
  labelFr: text('label_fr').notNull(),
  labelEn: text('label_en'),
  ects: numeric('ects', { mode: 'number' }),
  capacity: integer('capacity'),
  openForChoice: boolean('open_for_choice').notNull(),
  choiceMin: integer('choice_min'),
  choiceMax: integer('choice_max'),
  enrolmentPoint: boolean('enrolment_point').notNull(),
  ownerStructureId: uuid('owner_structure_id'),
});

export const paths = registrationSchema.table(
  'paths',
  {
    periodId: uuid('period_id').notNull(),
    path: text('path').notNull(),
    objectId: uuid('object_id').notNull(),
    parentPath: text('parent_path'),
    position: integer('position').notNull(),
    depth: integer('depth').notNull(),
  },
  (table) => [primaryKey({ columns: [table.periodId, table.path] })],
);

export const learners = registrationSchema.table('learners', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull(),
  familyName: text('family_name').notNull(),
  usageName: text('usage_name'),
  givenNames: text('given_names').notNull(),
  version: integer('version').notNull(),
});

export const enrolments = registrationSchema.table('enrolments', {
  id: uuid('id').primaryKey(),
  learnerId: uuid('learner_id').notNull(),
  pointId: uuid('point_id').notNull(),
  periodId: uuid('period_id').notNull(),
  status: text('status').notNull(),
  version: integer('version').notNull(),
});

export const cursus = registrationSchema.table('cursus', {
  enrolmentId: uuid('enrolment_id').primaryKey(),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export type EntryKind = 'point' | 'mandatory' | 'chosen';
export type EntryStatus = 'registered' | 'waiting' | 'offered';

export const entries = registrationSchema.table(
  'entries',
  {
    enrolmentId: uuid('enrolment_id').notNull(),
    path: text('path').notNull(),
    parentPath: text('parent_path'),
    objectId: uuid('object_id').notNull(),
    kind: text('kind').$type<EntryKind>().notNull(),
    status: text('status').$type<EntryStatus>().notNull(),
    chosenBy: text('chosen_by').$type<'learner' | 'staff'>(),
    holdsSeat: boolean('holds_seat').notNull().default(false),
    waitingSince: timestamp('waiting_since', { withTimezone: true, mode: 'date' }),
    offeredAt: timestamp('offered_at', { withTimezone: true, mode: 'date' }),
    exemptionReason: text('exemption_reason'),
    carriedMark: numeric('carried_mark', { mode: 'string' }),
    carriedFrom: text('carried_from'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.enrolmentId, table.path] })],
);

export const seats = registrationSchema.table('seats', {
  objectId: uuid('object_id').primaryKey(),
  capacity: integer('capacity').notNull(),
  taken: integer('taken').notNull().default(0),
});

export const choiceWindows = registrationSchema.table('choice_windows', {
  formationId: uuid('formation_id').primaryKey(),
  opensAt: timestamp('opens_at', { withTimezone: true, mode: 'date' }).notNull(),
  closesAt: timestamp('closes_at', { withTimezone: true, mode: 'date' }).notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const arrangements = registrationSchema.table(
  'arrangements',
  {
    enrolmentId: uuid('enrolment_id').notNull(),
    code: text('code').notNull(),
    details: text('details').notNull().default(''),
  },
  (table) => [primaryKey({ columns: [table.enrolmentId, table.code] })],
);

export const groups = registrationSchema.table('groups', {
  id: uuid('id').primaryKey(),
  objectId: uuid('object_id').notNull(),
  kind: text('kind').notNull(),
  code: text('code').notNull(),
  capacity: integer('capacity'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const groupMembers = registrationSchema.table(
  'group_members',
  {
    groupId: uuid('group_id').notNull(),
    objectId: uuid('object_id').notNull(),
    kind: text('kind').notNull(),
    enrolmentId: uuid('enrolment_id').notNull(),
    path: text('path').notNull(),
    placedAt: timestamp('placed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.groupId, table.enrolmentId, table.path] })],
);

import { bigint, boolean, integer, json, numeric, pgSchema, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Drizzle's view of the schema created by migrations/ (the SQL is the source). */
export const assessmentSchema = pgSchema('assessment');

export const structures = assessmentSchema.table('structures', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull(),
  lineageCodes: text('lineage_codes').array().notNull(),
});

export const objects = assessmentSchema.table('objects', {
  id: uuid('id').primaryKey(),
  periodId: uuid('period_id').notNull(),
  formationId: uuid('formation_id').notNull(),
  code: text('code').notNull(),
  type: text('type').notNull(),
  labelFr: text('label_fr').notNull(),
  labelEn: text('label_en'),
  ects: numeric('ects', { mode: 'string' }),
  ownerStructureId: uuid('owner_structure_id'),
});

export const paths = assessmentSchema.table(
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

export const learners = assessmentSchema.table('learners', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull(),
  familyName: text('family_name').notNull(),
  usageName: text('usage_name'),
  givenNames: text('given_names').notNull(),
  version: integer('version').notNull(),
});

export const cursus = assessmentSchema.table('cursus', {
  enrolmentId: uuid('enrolment_id').primaryKey(),
  learnerId: uuid('learner_id').notNull(),
  periodId: uuid('period_id').notNull(),
  pointId: uuid('point_id').notNull(),
  version: integer('version').notNull(),
});

export const entries = assessmentSchema.table(
  'entries',
  {
    enrolmentId: uuid('enrolment_id').notNull(),
    path: text('path').notNull(),
    parentPath: text('parent_path'),
    objectId: uuid('object_id').notNull(),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    exempted: boolean('exempted').notNull().default(false),
    carriedMark: numeric('carried_mark', { mode: 'string' }),
    carriedFrom: text('carried_from'),
  },
  (table) => [primaryKey({ columns: [table.enrolmentId, table.path] })],
);

export type AbjPolicy = 'neutral' | 'zero';
export type Session2Policy = 'best' | 'replace';

export const rules = assessmentSchema.table(
  'rules',
  {
    periodId: uuid('period_id').notNull(),
    path: text('path').notNull(),
    coefficient: numeric('coefficient', { mode: 'string' }).notNull(),
    passMark: numeric('pass_mark', { mode: 'string' }).notNull(),
    credits: numeric('credits', { mode: 'string' }).notNull(),
    compensates: boolean('compensates').notNull(),
    eliminatory: numeric('eliminatory', { mode: 'string' }),
    abjPolicy: text('abj_policy').$type<AbjPolicy>().notNull(),
    session2: text('session2').$type<Session2Policy>().notNull(),
    version: integer('version').notNull().default(1),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.periodId, table.path] })],
);

export const assessments = assessmentSchema.table('assessments', {
  id: uuid('id').primaryKey(),
  periodId: uuid('period_id').notNull(),
  path: text('path').notNull(),
  session: smallint('session').notNull(),
  code: text('code').notNull(),
  label: text('label').notNull(),
  coefficient: numeric('coefficient', { mode: 'string' }).notNull(),
  scale: integer('scale').notNull().default(20),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const marks = assessmentSchema.table(
  'marks',
  {
    assessmentId: uuid('assessment_id').notNull(),
    enrolmentId: uuid('enrolment_id').notNull(),
    value: numeric('value', { mode: 'string' }),
    absence: text('absence').$type<'ABI' | 'ABJ'>(),
    version: integer('version').notNull().default(1),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.assessmentId, table.enrolmentId] })],
);

export const markHistory = assessmentSchema.table('mark_history', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  assessmentId: uuid('assessment_id').notNull(),
  enrolmentId: uuid('enrolment_id').notNull(),
  oldMark: text('old_mark'),
  newMark: text('new_mark'),
  changedBy: text('changed_by').notNull(),
  changedAt: timestamp('changed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  requestId: text('request_id').notNull(),
});

export const sheetLocks = assessmentSchema.table('sheet_locks', {
  assessmentId: uuid('assessment_id').primaryKey(),
  lockedAt: timestamp('locked_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  lockedBy: text('locked_by').notNull(),
});

export const juries = assessmentSchema.table('juries', {
  id: uuid('id').primaryKey(),
  formationId: uuid('formation_id').notNull(),
  periodId: uuid('period_id').notNull(),
  session: integer('session').notNull(),
  status: text('status').$type<'open' | 'deliberated' | 'published'>().notNull(),
  deliberatedAt: timestamp('deliberated_at', { withTimezone: true, mode: 'date' }),
  deliberatedBy: text('deliberated_by'),
  publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
  publishedBy: text('published_by'),
  snapshot: json('snapshot'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const juryPoints = assessmentSchema.table(
  'jury_points',
  {
    juryId: uuid('jury_id').notNull(),
    enrolmentId: uuid('enrolment_id').notNull(),
    path: text('path').notNull(),
    points: numeric('points', { mode: 'string' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.juryId, table.enrolmentId, table.path] })],
);

export const results = assessmentSchema.table(
  'results',
  {
    juryId: uuid('jury_id').notNull(),
    enrolmentId: uuid('enrolment_id').notNull(),
    learnerId: uuid('learner_id').notNull(),
    mark: numeric('mark', { mode: 'string' }),
    decision: text('decision').notNull(),
    rank: integer('rank'),
    credits: numeric('credits', { mode: 'string' }).notNull(),
    honours: text('honours'),
    inputs: json('inputs').notNull(),
    outcome: json('outcome').notNull(),
  },
  (table) => [primaryKey({ columns: [table.juryId, table.enrolmentId] })],
);

/** Who teaches a course element (migration 0003): a teacher reads and enters the marks of these objects' sheets only. */
export const teaching = assessmentSchema.table(
  'teaching',
  {
    objectId: uuid('object_id').notNull(),
    teacher: text('teacher').notNull(),
    assignedBy: text('assigned_by').notNull(),
    assignedAt: timestamp('assigned_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.objectId, table.teacher] })],
);

/** The MCC of a formation frozen for a period (migration 0004): adopted by staff, or the period archived by the curriculum. */
export const ruleFreezes = assessmentSchema.table(
  'rule_freezes',
  {
    periodId: uuid('period_id').notNull(),
    formationId: uuid('formation_id').notNull(),
    formationCode: text('formation_code').notNull(),
    reason: text('reason').$type<'adopted' | 'period-archived'>().notNull(),
    frozenAt: timestamp('frozen_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    frozenBy: text('frozen_by').notNull(),
  },
  (table) => [primaryKey({ columns: [table.periodId, table.formationId] })],
);

import { boolean, date, integer, jsonb, numeric, pgSchema, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { PublishedResultLine } from '@pegase/assessment/contract';
import type {
  CertificateEstablishment,
  CertificateFormation,
  CertificateHolder,
  CertificatePeriod,
  DocumentKind,
  IssuedResults,
} from '../../contract/index.ts';

/** Drizzle's view of the schema created by migrations/ (the SQL is the source). */
export const documentsSchema = pgSchema('documents');

export const establishment = documentsSchema.table('establishment', {
  singleton: boolean('singleton').primaryKey().default(true),
  uai: text('uai').notNull(),
  name: text('name').notNull(),
  city: text('city'),
  version: integer('version').notNull(),
});

export const structures = documentsSchema.table('structures', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull(),
  lineageCodes: text('lineage_codes').array().notNull(),
});

export const periods = documentsSchema.table('periods', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull(),
  labelFr: text('label_fr').notNull(),
  labelEn: text('label_en'),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  endDate: date('end_date', { mode: 'string' }).notNull(),
  version: integer('version').notNull(),
});

export const enrolmentPoints = documentsSchema.table('enrolment_points', {
  objectId: uuid('object_id').primaryKey(),
  periodId: uuid('period_id').notNull(),
  code: text('code').notNull(),
  path: text('path').notNull(),
  labelFr: text('label_fr').notNull(),
  labelEn: text('label_en'),
  formationId: uuid('formation_id').notNull(),
  formationCode: text('formation_code').notNull(),
  formationLabelFr: text('formation_label_fr').notNull(),
  formationLabelEn: text('formation_label_en'),
  ownerStructureId: uuid('owner_structure_id'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const learners = documentsSchema.table('learners', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull(),
  ine: text('ine'),
  familyName: text('family_name').notNull(),
  usageName: text('usage_name'),
  givenNames: text('given_names').notNull(),
  birthDate: date('birth_date', { mode: 'string' }).notNull(),
  sex: text('sex').notNull(),
  version: integer('version').notNull(),
});

export const enrolments = documentsSchema.table('enrolments', {
  id: uuid('id').primaryKey(),
  learnerId: uuid('learner_id').notNull(),
  pointId: uuid('point_id').notNull(),
  periodId: uuid('period_id').notNull(),
  status: text('status').$type<'draft' | 'submitted' | 'validated' | 'cancelled'>().notNull(),
  paymentStatus: text('payment_status').notNull(),
  validatedAt: timestamp('validated_at', { withTimezone: true, mode: 'date' }),
  cancelledAt: timestamp('cancelled_at', { withTimezone: true, mode: 'date' }),
  version: integer('version').notNull(),
});

export const certificates = documentsSchema.table('certificates', {
  id: uuid('id').primaryKey(),
  kind: text('kind').$type<DocumentKind>().notNull(),
  code: text('code').notNull(),
  enrolmentId: uuid('enrolment_id').notNull(),
  learnerId: uuid('learner_id').notNull(),
  language: text('language').$type<'fr' | 'en'>().notNull(),
  holder: jsonb('holder').$type<CertificateHolder>().notNull(),
  formation: jsonb('formation').$type<CertificateFormation>().notNull(),
  period: jsonb('period').$type<CertificatePeriod>().notNull(),
  establishment: jsonb('establishment').$type<CertificateEstablishment>().notNull(),
  fileId: uuid('file_id').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  verificationUrl: text('verification_url').notNull(),
  issuedAt: timestamp('issued_at', { withTimezone: true, mode: 'date' }).notNull(),
  issuedBy: text('issued_by').notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  provisional: boolean('provisional').notNull(),
  results: jsonb('results').$type<IssuedResults>(),
});
export type CertificateRow = typeof certificates.$inferSelect;

/** Each learner's published result of a jury, from assessment's events. */
export const publishedResults = documentsSchema.table(
  'published_results',
  {
    juryId: uuid('jury_id').notNull(),
    enrolmentId: uuid('enrolment_id').notNull(),
    learnerId: uuid('learner_id').notNull(),
    formationId: uuid('formation_id').notNull(),
    periodId: uuid('period_id').notNull(),
    session: smallint('session').$type<1 | 2>().notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }).notNull(),
    mark: numeric('mark', { precision: 6, scale: 3, mode: 'string' }),
    decision: text('decision').notNull(),
    rank: integer('rank'),
    honours: text('honours').$type<'TB' | 'B' | 'AB' | 'P'>(),
    lines: jsonb('lines').$type<PublishedResultLine[]>().notNull(),
  },
  (table) => [primaryKey({ columns: [table.juryId, table.enrolmentId] })],
);
export type PublishedResultRow = typeof publishedResults.$inferSelect;

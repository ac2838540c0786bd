import { boolean, date, integer, jsonb, pgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Address, Bac, FirstHigherEducation, PreviousSituation } from '../../contract/index.ts';
import type { Static } from 'typebox';

/** Drizzle's view of the schema created by migrations/ (the SQL is the source). */
export const enrolmentSchema = pgSchema('enrolment');

export const nomenclatureValues = enrolmentSchema.table(
  'nomenclature_values',
  {
    nomenclature: text('nomenclature').notNull(),
    code: text('code').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    labelFr: text('label_fr'),
    labelEn: text('label_en'),
  },
  (table) => [primaryKey({ columns: [table.nomenclature, table.code, table.validFrom] })],
);

export const learners = enrolmentSchema.table('learners', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull(),
  ine: text('ine'),
  familyName: text('family_name').notNull(),
  usageName: text('usage_name'),
  givenNames: text('given_names').notNull(),
  birthDate: date('birth_date', { mode: 'string' }).notNull(),
  birthCountry: text('birth_country').notNull(),
  birthCommune: text('birth_commune'),
  sex: text('sex').notNull(),
  nationality: text('nationality'),
  email: text('email'),
  phone: text('phone'),
  address: jsonb('address').$type<Static<typeof Address>>(),
  bac: jsonb('bac').$type<Static<typeof Bac>>(),
  firstHigherEducation: jsonb('first_higher_education').$type<Static<typeof FirstHigherEducation>>(),
  searchName: text('search_name').notNull(),
  identityKey: text('identity_key').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const structures = enrolmentSchema.table('structures', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull(),
  lineageCodes: text('lineage_codes').array().notNull(),
});

export const enrolmentPoints = enrolmentSchema.table('enrolment_points', {
  objectId: uuid('object_id').primaryKey(),
  periodId: uuid('period_id').notNull(),
  code: text('code').notNull(),
  path: text('path').notNull(),
  labelFr: text('label_fr').notNull(),
  labelEn: text('label_en'),
  ownerStructureId: uuid('owner_structure_id'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const enrolments = enrolmentSchema.table('enrolments', {
  id: uuid('id').primaryKey(),
  learnerId: uuid('learner_id').notNull(),
  pointId: uuid('point_id').notNull(),
  periodId: uuid('period_id').notNull(),
  origin: text('origin').notNull(),
  kind: text('kind').$type<'main' | 'secondary'>().notNull(),
  regime: text('regime').notNull(),
  cvecNumber: text('cvec_number'),
  profiles: text('profiles').array().notNull().default([]),
  previousSituation: jsonb('previous_situation').$type<PreviousSituation>(),
  status: text('status').$type<'draft' | 'submitted' | 'validated' | 'cancelled'>().notNull(),
  paymentStatus: text('payment_status').$type<'none' | 'unpaid' | 'pending' | 'paid' | 'exempt'>().notNull(),
  cancelReason: text('cancel_reason'),
  submitKey: text('submit_key'),
  submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
  validatedAt: timestamp('validated_at', { withTimezone: true, mode: 'date' }),
  cancelledAt: timestamp('cancelled_at', { withTimezone: true, mode: 'date' }),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const documentRequirements = enrolmentSchema.table('document_requirements', {
  id: uuid('id').primaryKey(),
  documentType: text('document_type').notNull(),
  pointId: uuid('point_id'),
  regime: text('regime'),
  profile: text('profile'),
  mandatory: boolean('mandatory').notNull(),
});

export const documents = enrolmentSchema.table(
  'documents',
  {
    enrolmentId: uuid('enrolment_id').notNull(),
    documentType: text('document_type').notNull(),
    status: text('status').$type<'submitted' | 'accepted' | 'rejected'>().notNull(),
    fileId: uuid('file_id').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    rejectReason: text('reject_reason'),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }).notNull(),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'date' }),
    reviewedBy: text('reviewed_by'),
    version: integer('version').notNull().default(1),
  },
  (table) => [primaryKey({ columns: [table.enrolmentId, table.documentType] })],
);

export const admissions = enrolmentSchema.table('admissions', {
  id: uuid('id').primaryKey(),
  pointId: uuid('point_id').notNull(),
  periodId: uuid('period_id').notNull(),
  source: text('source').notNull(),
  candidateNumber: text('candidate_number'),
  familyName: text('family_name').notNull(),
  givenNames: text('given_names').notNull(),
  birthDate: date('birth_date', { mode: 'string' }).notNull(),
  ine: text('ine'),
  email: text('email'),
  learnerId: uuid('learner_id'),
  identityKey: text('identity_key').notNull(),
  invitationCode: text('invitation_code').notNull(),
  status: text('status').$type<'invited' | 'used' | 'withdrawn'>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
});

import { boolean, date, integer, jsonb, pgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { FeeLine, PutFeeRules } from '../../contract/index.ts';

/** Drizzle's view of the schema created by migrations/ (the SQL is the source). */
export const paymentSchema = pgSchema('payment');

export const structures = paymentSchema.table('structures', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull(),
  lineageCodes: text('lineage_codes').array().notNull(),
});

export const periods = paymentSchema.table('periods', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull(),
  type: text('type').notNull(),
  labelFr: text('label_fr').notNull(),
});

export const points = paymentSchema.table('points', {
  objectId: uuid('object_id').primaryKey(),
  periodId: uuid('period_id').notNull(),
  code: text('code').notNull(),
  path: text('path').notNull(),
  labelFr: text('label_fr').notNull(),
  labelEn: text('label_en'),
  ownerStructureId: uuid('owner_structure_id'),
});

export const learners = paymentSchema.table('learners', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull(),
});

export const enrolments = paymentSchema.table('enrolments', {
  id: uuid('id').primaryKey(),
  learnerId: uuid('learner_id').notNull(),
  pointId: uuid('point_id').notNull(),
  periodId: uuid('period_id').notNull(),
  regime: text('regime').notNull(),
  profiles: text('profiles').array().notNull(),
  status: text('status').$type<'draft' | 'submitted' | 'validated' | 'cancelled'>().notNull(),
  paymentStatus: text('payment_status').$type<'none' | 'unpaid' | 'pending' | 'paid' | 'exempt'>().notNull(),
});

export const pointLevels = paymentSchema.table('point_levels', {
  pointId: uuid('point_id').primaryKey(),
  level: text('level').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** The rules document as kept: the body of PUT, defaults filled in. */
export type StoredRules = Required<PutFeeRules>;

export const feeRules = paymentSchema.table('fee_rules', {
  periodId: uuid('period_id').primaryKey(),
  rules: jsonb('rules').$type<StoredRules>().notNull(),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const settings = paymentSchema.table('settings', {
  singleton: boolean('singleton').primaryKey(),
  provider: text('provider').$type<'none' | 'test'>().notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const payments = paymentSchema.table('payments', {
  id: uuid('id').primaryKey(),
  enrolmentId: uuid('enrolment_id').notNull(),
  learnerId: uuid('learner_id').notNull(),
  provider: text('provider').notNull(),
  providerSession: text('provider_session').notNull(),
  status: text('status').$type<'pending' | 'paid' | 'failed'>().notNull(),
  totalCents: integer('total_cents').notNull(),
  instalmentCount: integer('instalment_count').notNull(),
  breakdown: jsonb('breakdown').$type<FeeLine[]>().notNull(),
  returnPath: text('return_path').notNull(),
  failureReason: text('failure_reason'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const instalments = paymentSchema.table(
  'instalments',
  {
    paymentId: uuid('payment_id').notNull(),
    number: integer('number').notNull(),
    amountCents: integer('amount_cents').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    status: text('status').$type<'due' | 'paid' | 'failed'>().notNull(),
    providerTransactionId: text('provider_transaction_id'),
    paidAt: timestamp('paid_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [primaryKey({ columns: [table.paymentId, table.number] })],
);

export const providerTransactions = paymentSchema.table(
  'provider_transactions',
  {
    provider: text('provider').notNull(),
    transactionId: text('transaction_id').notNull(),
    paymentId: uuid('payment_id').notNull(),
    instalment: integer('instalment').notNull(),
    outcome: text('outcome').$type<'paid' | 'refused'>().notNull(),
    amountCents: integer('amount_cents').notNull(),
    body: jsonb('body').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.provider, table.transactionId] })],
);

export const refunds = paymentSchema.table('refunds', {
  id: uuid('id').primaryKey(),
  paymentId: uuid('payment_id').notNull(),
  amountCents: integer('amount_cents').notNull(),
  reason: text('reason').notNull(),
  providerReference: text('provider_reference').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

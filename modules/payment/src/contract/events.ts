import { defineEvent } from '@pegase/platform';
import { Fees, FeeRules, PointLevel, Settings } from './fees.ts';
import { Payment } from './payments.ts';

export const paymentEvents = {
  feeRulesUpdated: defineEvent('payment.fee-rules.updated', 'The fee rules of a period (the subject) were set or changed.', FeeRules),
  pointLevelUpdated: defineEvent('payment.point-level.updated', 'The diploma level of an enrolment point (the subject) was set or changed.', PointLevel),
  settingsUpdated: defineEvent('payment.settings.updated', 'An administrator chose the provider new payments go through.', Settings),
  feesWaived: defineEvent(
    'payment.fees.waived',
    'A submitted enrolment (the subject) owes nothing (an exemption by profile): its fees are settled without a payment.',
    Fees,
  ),
  paymentStarted: defineEvent('payment.payment.started', 'A student started a payment at the provider (pending).', Payment),
  paymentReceived: defineEvent(
    'payment.payment.received',
    'An instalment was collected (the first one makes the payment paid: the enrolment’s fees count as paid). Carries enrolmentId, totalCents and paidCents.',
    Payment,
  ),
  paymentFailed: defineEvent('payment.payment.failed', 'The provider refused an instalment, or a newer payment replaced a pending one.', Payment),
  paymentRefunded: defineEvent(
    'payment.payment.refunded',
    'Part or all of a payment was refunded (the last of `refunds`); refundedCents is the total.',
    Payment,
  ),
} as const;

import { Type, type Static } from 'typebox';
import { Id, IsoDate, Timestamp, Version } from '@pegase/referential/contract';
import { Cents, FeeLine } from './fees.ts';

export const PaymentStatus = Type.Union([Type.Literal('pending'), Type.Literal('paid'), Type.Literal('failed')], {
  description: 'pending (at the provider) → paid (the first instalment was collected) or failed (refused, or replaced by a newer payment).',
});

export const Instalment = Type.Object({
  number: Type.Integer({ minimum: 1, maximum: 3 }),
  amountCents: Cents,
  dueDate: IsoDate,
  status: Type.Union([Type.Literal('due'), Type.Literal('paid'), Type.Literal('failed')]),
  paidAt: Type.Union([Timestamp, Type.Null()]),
});

export const Refund = Type.Object({
  id: Id,
  amountCents: Cents,
  reason: Type.String(),
  providerReference: Type.String(),
  createdBy: Type.String({ description: 'Login (or subject) of who recorded it.' }),
  createdAt: Timestamp,
});

export const Payment = Type.Object({
  id: Id,
  enrolmentId: Id,
  learnerId: Id,
  provider: Type.String(),
  status: PaymentStatus,
  currency: Type.Literal('EUR'),
  totalCents: Cents,
  paidCents: Cents,
  refundedCents: Cents,
  lines: Type.Array(FeeLine, { description: 'The breakdown of the fees when the payment started.' }),
  instalments: Type.Array(Instalment),
  refunds: Type.Array(Refund, { description: 'Oldest first; recorded, never deleted.' }),
  failureReason: Type.Union([Type.String(), Type.Null()]),
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Payment = Static<typeof Payment>;

export const StartPayment = Type.Object(
  {
    instalments: Type.Union([Type.Literal(1), Type.Literal(3)], { description: 'Pay at once, or in three instalments (when the period offers it).' }),
    returnPath: Type.Optional(
      Type.String({
        pattern: '^/(?![/\\\\])[^\\s]*$',
        maxLength: 500,
        description: 'Where the browser comes back after the bank, on this site (a path such as /enrolments/…); default /.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type StartPayment = Static<typeof StartPayment>;

export const StartedPayment = Type.Object({
  paymentId: Id,
  redirectUrl: Type.String({ description: 'Send the browser there: the provider’s page for the first instalment.' }),
  payment: Payment,
});

export const CreateRefund = Type.Object(
  {
    amountCents: Type.Integer({ minimum: 1, maximum: 100_000_000, description: 'In cents; all refunds of a payment add up to at most what was paid.' }),
    reason: Type.String({ minLength: 3, maxLength: 500 }),
  },
  { additionalProperties: false },
);
export type CreateRefund = Static<typeof CreateRefund>;

/** What a provider tells about one instalment, in a signed callback. */
export const ProviderCallback = Type.Object(
  {
    transactionId: Type.String({ minLength: 1, maxLength: 200, description: 'The provider’s id of the transaction: the same id twice is the same callback.' }),
    paymentId: Id,
    instalment: Type.Integer({ minimum: 1, maximum: 3 }),
    outcome: Type.Union([Type.Literal('paid'), Type.Literal('refused')]),
    amountCents: Cents,
  },
  { additionalProperties: false },
);
export type ProviderCallback = Static<typeof ProviderCallback>;

export const CallbackResult = Type.Object({
  result: Type.Union([Type.Literal('applied'), Type.Literal('duplicate')], {
    description: 'duplicate: this transaction id was already received; nothing changed.',
  }),
  paymentId: Id,
  status: PaymentStatus,
});

import type { PermissionDeclaration } from '@pegase/platform';

export const paymentPermissions = {
  rulesRead: 'payment.rules.read',
  rulesWrite: 'payment.rules.write',
  paymentsRead: 'payment.payments.read',
  refundsWrite: 'payment.refunds.write',
  self: 'payment.self',
} as const;

export const paymentPermissionDeclarations: PermissionDeclaration[] = [
  {
    name: paymentPermissions.rulesRead,
    description: 'Read the fee rules of the periods and the diploma level of each enrolment point.',
    roles: ['staff', 'service'],
  },
  {
    name: paymentPermissions.rulesWrite,
    description: 'Set the fee rules of a period, the diploma level of enrolment points and the payment provider.',
    roles: [],
  },
  {
    name: paymentPermissions.paymentsRead,
    description: 'Read the fees (with their breakdown) and payments of enrolments; staff for the enrolment points their structures own.',
    roles: ['staff', 'service'],
  },
  {
    name: paymentPermissions.refundsWrite,
    description: 'Refund part or all of a payment, with a reason; staff for the enrolment points their structures own.',
    roles: ['staff'],
  },
  { name: paymentPermissions.self, description: 'A student reads the fees of their own enrolments and pays them.', roles: ['student'] },
];

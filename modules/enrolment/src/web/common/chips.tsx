import { Chip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { DocumentStatus, EnrolmentStatus, PaymentStatus } from '../enrolment-api.ts';

/** Waiting for someone: dark amber text on light amber, AA contrast (MUI's filled warning is not). */
const WAITING = { bgcolor: '#fff4e5', color: '#663c00', border: '1px solid #b26a00' };

export function EnrolmentStatusChip({ status }: { status: EnrolmentStatus }) {
  const { t } = useTranslation('enrolment');
  const label = t(`status.${status}`);
  if (status === 'validated') return <Chip size="small" color="success" label={label} data-testid="enrolment-status" />;
  if (status === 'submitted') return <Chip size="small" label={label} sx={WAITING} data-testid="enrolment-status" />;
  return <Chip size="small" variant={status === 'draft' ? 'outlined' : 'filled'} label={label} data-testid="enrolment-status" />;
}

export function PaymentChip({ status }: { status: PaymentStatus }) {
  const { t } = useTranslation('enrolment');
  const label = t(`payment.${status}`);
  if (status === 'paid' || status === 'exempt') return <Chip size="small" color="success" variant="outlined" label={label} data-testid="payment-status" />;
  if (status === 'unpaid') return <Chip size="small" label={label} sx={WAITING} data-testid="payment-status" />;
  return <Chip size="small" variant="outlined" label={label} data-testid="payment-status" />;
}

export function DocumentStatusChip({ status }: { status: DocumentStatus }) {
  const { t } = useTranslation('enrolment');
  const label = t(`documentStatus.${status}`);
  if (status === 'accepted') return <Chip size="small" color="success" label={label} data-testid="document-status" />;
  if (status === 'rejected') return <Chip size="small" color="error" label={label} data-testid="document-status" />;
  if (status === 'submitted') return <Chip size="small" label={label} sx={WAITING} data-testid="document-status" />;
  return <Chip size="small" variant="outlined" label={label} data-testid="document-status" />;
}

import { Chip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Finding, ObjectStatus } from '../curriculum-api.ts';

/** The status of an object; colours chosen for AA contrast of their text. */
export function StatusChip({ status }: { status: ObjectStatus }) {
  const { t } = useTranslation('curriculum');
  return (
    <Chip
      size="small"
      label={t(`status.${status}`)}
      data-testid="status-chip"
      variant={status === 'archived' ? 'outlined' : 'filled'}
      color={status === 'validated' ? 'success' : 'default'}
    />
  );
}

/** An error blocks the validation; a warning deserves a look. */
export function SeverityChip({ severity }: { severity: Finding['severity'] }) {
  const { t } = useTranslation('curriculum');
  return severity === 'error' ? (
    <Chip size="small" color="error" label={t('report.error')} />
  ) : (
    <Chip size="small" label={t('report.warning')} sx={{ bgcolor: '#fff4e5', color: '#663c00', border: '1px solid #b26a00' }} />
  );
}

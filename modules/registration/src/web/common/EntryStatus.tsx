import { Chip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { labelIn } from '@pegase/web-kit';
import type { CursusEntry } from '../registration-api.ts';

/** Waiting for something: dark amber text on light amber, AA contrast (MUI's filled warning is not). */
const WAITING = { bgcolor: '#fff4e5', color: '#663c00', border: '1px solid #b26a00' };

/** « Espagnol (ESPAGNOL) »: the label in the person's language, then the code. */
export function courseName(course: { code: string; labels: { fr: string; en?: string | null } }, language: string): string {
  const label = labelIn(language, course.labels);
  return label === course.code ? label : `${label} (${course.code})`;
}

/** The status of an entry of the cursus: registered, waiting (with its rank), or a seat offered. */
export function EntryStatusChip({ entry }: { entry: Pick<CursusEntry, 'status' | 'waitingRank'> }) {
  const { t } = useTranslation('registration');
  if (entry.status === 'registered') return <Chip size="small" color="success" variant="outlined" label={t('status.registered')} data-testid="entry-status" />;
  if (entry.status === 'waiting') {
    const label = entry.waitingRank === null ? t('status.waiting') : t('waitingRank', { rank: entry.waitingRank });
    return <Chip size="small" label={label} sx={WAITING} data-testid="entry-status" />;
  }
  return <Chip size="small" color="primary" label={t('status.offered')} data-testid="entry-status" />;
}

import { useId } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@pegase/web-kit';
import { keys, markHistory, type SheetLine } from '../assessment-api.ts';
import { AssessmentProblem } from '../common/AssessmentProblem.tsx';
import { learnerName } from '../common/learners.ts';
import { formatMark } from '../common/marks.ts';

/** Every change of a learner's mark on an assessment, newest first: when, who, before and after, the request. */
export function HistoryDialog({ assessmentId, line, onClose }: { assessmentId: string; line: SheetLine; onClose: () => void }) {
  const { t, i18n } = useTranslation('assessment');
  const id = useId();
  const name = learnerName(line);
  const history = useQuery({ queryKey: keys.history(assessmentId, line.enrolmentId), queryFn: () => markHistory(assessmentId, line.enrolmentId) });
  const shown = (mark: string | null) => (mark === null ? t('history.none') : formatMark(mark, i18n.language));
  const entries = [...(history.data ?? [])].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Dialog open onClose={onClose} aria-labelledby={`${id}-title`} fullWidth maxWidth="md">
      <DialogTitle id={`${id}-title`} sx={{ overflowWrap: 'anywhere' }}>
        {t('history.title', { name })}
      </DialogTitle>
      <DialogContent>
        {history.error && <AssessmentProblem error={history.error} />}
        {history.isPending && <Typography role="status">{t('loading')}</Typography>}
        {history.data && entries.length === 0 && <Typography>{t('history.empty')}</Typography>}
        {entries.length > 0 && (
          <TableContainer>
            <Table size="small" data-testid="mark-history">
              <caption>{t('history.caption', { name })}</caption>
              <TableHead>
                <TableRow>
                  <TableCell scope="col">{t('history.at')}</TableCell>
                  <TableCell scope="col">{t('history.by')}</TableCell>
                  <TableCell scope="col">{t('history.before')}</TableCell>
                  <TableCell scope="col">{t('history.after')}</TableCell>
                  <TableCell scope="col">{t('history.request')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {entries.map((entry) => (
                  <TableRow key={`${entry.at}-${entry.requestId}`}>
                    <TableCell>{formatDateTime(entry.at, i18n.language)}</TableCell>
                    <TableCell>{entry.by}</TableCell>
                    <TableCell>{shown(entry.before)}</TableCell>
                    <TableCell>{shown(entry.after)}</TableCell>
                    <TableCell sx={{ overflowWrap: 'anywhere', fontFamily: 'monospace', fontSize: '0.8rem' }}>{entry.requestId}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('history.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}

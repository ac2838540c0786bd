import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import {
  Alert,
  Button,
  Card,
  CardContent,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { download, formatDateTime, isStaff, ProblemError, problemSlugOf, StatusNotice, toCsv, useSession } from '@pegase/web-kit';
import { ASSESSMENT, getSheet, keys, putMarks, setLock, type Sheet, type SheetLine } from '../assessment-api.ts';
import { AssessmentProblem } from '../common/AssessmentProblem.tsx';
import { pendingBatch, rowAfter, rowErrorsOf, type RowError } from '../common/grid.ts';
import { learnerName } from '../common/learners.ts';
import { formatMark, markToSend, parseMarkInput, sameMark } from '../common/marks.ts';
import { HistoryDialog } from './HistoryDialog.tsx';
import { SheetImport } from './SheetImport.tsx';

/** What a row says beside its field: saved just now, typed but not saved, or why it was refused. */
type RowState = { kind: 'saved' } | { kind: 'error'; error: RowError | { kind: 'format' | 'above' } };

/**
 * The mark sheet of an assessment as a keyboard-first grid: one field per
 * learner; Enter saves the row (alone, all or nothing) and moves to the
 * next, ↑ ↓ move without saving, Escape puts back the saved mark; « Tout
 * enregistrer » sends every changed row in one batch (nothing is written if
 * one is wrong: each is said on its row). ABI and ABJ are absences. A
 * locked sheet is read only; staff lock and unlock it. The sheet as CSV.
 */
export function MarkGrid({ assessmentId }: { assessmentId: string }) {
  const { t, i18n } = useTranslation('assessment');
  const session = useSession();
  const staff = isStaff(session);
  const client = useQueryClient();
  const sheet = useQuery({ queryKey: keys.sheet(assessmentId), queryFn: () => getSheet(assessmentId) });
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [states, setStates] = useState<Record<string, RowState>>({});
  const [notice, setNotice] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [history, setHistory] = useState<SheetLine | null>(null);
  const fields = useRef<(HTMLInputElement | null)[]>([]);
  useEffect(() => {
    setDrafts({});
    setStates({});
    setNotice('');
    setFailure(null);
  }, [assessmentId]);

  if (sheet.error) return <AssessmentProblem error={sheet.error} />;
  if (!sheet.data) return <Typography role="status">{t('loading')}</Typography>;
  const { assessment, lines } = sheet.data;
  const scale = assessment.scale;
  const locked = assessment.locked !== null;
  const textOf = (line: SheetLine) => drafts[line.enrolmentId] ?? formatMark(line.mark, i18n.language);
  const dirty = (line: SheetLine) => drafts[line.enrolmentId] !== undefined && !sameMark(drafts[line.enrolmentId]!, line.mark, scale);
  const pendingCount = lines.filter(dirty).length;
  const name = `${assessment.code} — ${assessment.label}`;

  const focusRow = (index: number) => {
    const field = fields.current[index];
    field?.focus();
    field?.select();
  };

  /** The sheet as the API now holds it, with these marks saved; their drafts forgotten. */
  const saved = (marks: { enrolmentId: string; mark: string | null }[]) => {
    const byId = new Map(marks.map((mark) => [mark.enrolmentId, mark.mark]));
    client.setQueryData<Sheet>(keys.sheet(assessmentId), (before) =>
      before ? { ...before, lines: before.lines.map((line) => (byId.has(line.enrolmentId) ? { ...line, mark: byId.get(line.enrolmentId)! } : line)) } : before,
    );
    setDrafts((values) => Object.fromEntries(Object.entries(values).filter(([id]) => !byId.has(id))));
    setStates((values) => ({ ...values, ...Object.fromEntries(marks.map((mark) => [mark.enrolmentId, { kind: 'saved' } as RowState])) }));
    void client.invalidateQueries({ queryKey: [ASSESSMENT, 'history', assessmentId] });
  };

  /** Sends a batch; answers whether it went through (else the rows or the sheet say why). */
  const send = async (batch: { enrolmentId: string; mark: string | null }[]): Promise<boolean> => {
    setBusy(true);
    setFailure(null);
    try {
      await putMarks(assessmentId, batch);
      saved(batch);
      return true;
    } catch (error) {
      if (error instanceof ProblemError && problemSlugOf(error.problem) === 'invalid-marks') {
        const errors = rowErrorsOf(error.problem.errors, batch);
        setStates((values) => ({ ...values, ...Object.fromEntries(Object.entries(errors).map(([id, rowError]) => [id, { kind: 'error', error: rowError }])) }));
        if (Object.keys(errors).length === 0) setFailure(error);
      } else {
        setFailure(error);
        // A sheet locked meanwhile: read it again, so that the grid says so.
        if (error instanceof ProblemError && problemSlugOf(error.problem) === 'sheet-locked') void sheet.refetch();
      }
      return false;
    } finally {
      setBusy(false);
    }
  };

  const saveRow = async (index: number): Promise<boolean> => {
    const line = lines[index]!;
    if (!dirty(line)) return true;
    const parsed = parseMarkInput(drafts[line.enrolmentId]!, scale);
    if (parsed.kind === 'invalid') {
      setStates((values) => ({ ...values, [line.enrolmentId]: { kind: 'error', error: { kind: parsed.reason } } }));
      return false;
    }
    const ok = await send([{ enrolmentId: line.enrolmentId, mark: markToSend(parsed)! }]);
    if (ok) setNotice(t('grid.savedOne', { name: learnerName(line) }));
    return ok;
  };

  const saveAll = async () => {
    setNotice('');
    const { batch, invalid } = pendingBatch(lines, drafts, scale);
    if (Object.keys(invalid).length > 0) {
      setStates((values) => ({
        ...values,
        ...Object.fromEntries(Object.entries(invalid).map(([id, wrong]) => [id, { kind: 'error', error: { kind: wrong.reason } } as RowState])),
      }));
      const first = lines.findIndex((line) => line.enrolmentId in invalid);
      setNotice(t('grid.fixRows', { count: Object.keys(invalid).length }));
      focusRow(first);
      return;
    }
    if (batch.length === 0) {
      setNotice(t('grid.nothingToSave'));
      return;
    }
    if (await send(batch)) setNotice(t('grid.savedMany', { count: batch.length }));
    else setNotice(t('grid.batchRefused'));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, index: number) => {
    if (event.key === 'Escape') {
      const id = lines[index]!.enrolmentId;
      setDrafts(({ [id]: _dropped, ...rest }) => rest);
      setStates(({ [id]: _state, ...rest }) => rest);
      return;
    }
    if (event.key === 'Enter' && !locked) {
      event.preventDefault();
      void saveRow(index).then((ok) => {
        const next = rowAfter(event, index, lines.length);
        if (ok && next !== undefined) focusRow(next);
      });
      return;
    }
    const next = rowAfter(event, index, lines.length);
    if (next !== undefined) {
      event.preventDefault();
      focusRow(next);
    }
  };

  const lock = async (value: boolean) => {
    setFailure(null);
    setNotice('');
    try {
      const after = await setLock(assessmentId, value);
      client.setQueryData<Sheet>(keys.sheet(assessmentId), (before) => (before ? { ...before, assessment: after } : before));
      void client.invalidateQueries({ queryKey: keys.assessments(after.periodId, after.path) });
      setNotice(t(value ? 'grid.lockedNow' : 'grid.unlockedNow'));
    } catch (error) {
      setFailure(error);
    }
  };

  const exportCsv = () => {
    const rows = [
      [t('grid.csv.code'), t('grid.csv.familyName'), t('grid.csv.usageName'), t('grid.csv.givenNames'), t('grid.csv.mark', { scale })],
      ...lines.map((line) => [line.learnerCode, line.familyName, line.usageName, line.givenNames, formatMark(line.mark, i18n.language)]),
    ];
    download(`notes-${assessment.code}-s${assessment.session}.csv`, toCsv(rows));
  };

  const messageOf = (state: RowState | undefined): string | undefined => {
    if (state?.kind !== 'error') return undefined;
    const error = state.error;
    if (error.kind === 'other') return error.message;
    return t(`grid.rowError.${error.kind}`, { scale });
  };

  return (
    <Card variant="outlined" component="section" aria-labelledby="sheet-title" sx={{ mb: 3 }} data-testid="sheet">
      <CardContent sx={{ px: { xs: 1.5, sm: 2 } }}>
        <Typography component="h2" variant="h5" id="sheet-title" sx={{ mb: 1, overflowWrap: 'anywhere' }}>
          {t('grid.title', { name, session: assessment.session })}
        </Typography>
        <Typography sx={{ mb: 1 }} data-testid="sheet-scale">
          {t('grid.scale', { scale, coefficient: formatMark(assessment.coefficient, i18n.language) })}
        </Typography>
        {locked ? (
          <Alert severity="info" sx={{ mb: 2 }} data-testid="sheet-locked">
            {t('grid.locked', { by: assessment.locked!.by, at: formatDateTime(assessment.locked!.at, i18n.language) })}
          </Alert>
        ) : (
          <Typography variant="body2" sx={{ mb: 2 }} id="grid-help">
            {t('grid.help')}
          </Typography>
        )}
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ mb: 2, flexWrap: 'wrap', alignItems: { sm: 'center' } }}>
          {!locked && (
            <Button variant="contained" onClick={() => void saveAll()} disabled={busy}>
              {t('grid.saveAll', { count: pendingCount })}
            </Button>
          )}
          <Button variant="outlined" onClick={exportCsv}>
            {t('grid.export')}
          </Button>
          {staff && (
            <Button variant="outlined" onClick={() => void lock(!locked)} disabled={busy}>
              {t(locked ? 'grid.unlock' : 'grid.lock')}
            </Button>
          )}
        </Stack>
        <SheetImport
          assessmentId={assessmentId}
          locked={locked}
          onImported={(message) => {
            setDrafts({});
            setStates({});
            setNotice(message);
            void client.invalidateQueries({ queryKey: keys.sheet(assessmentId) });
            void client.invalidateQueries({ queryKey: [ASSESSMENT, 'history', assessmentId] });
          }}
        />
        <StatusNotice notice={notice} testId="sheet-notice" severity="info" />
        {failure !== null && <AssessmentProblem error={failure} />}
        {lines.length === 0 ? (
          <Alert severity="info">{t('grid.empty')}</Alert>
        ) : (
          <TableContainer>
            <Table size="small" aria-describedby={locked ? undefined : 'grid-help'}>
              <caption>{t('grid.caption', { name, count: lines.length })}</caption>
              <TableHead>
                <TableRow>
                  <TableCell scope="col">{t('grid.code')}</TableCell>
                  <TableCell scope="col">{t('grid.name')}</TableCell>
                  <TableCell scope="col">{t('grid.mark', { scale })}</TableCell>
                  <TableCell scope="col">{t('grid.state')}</TableCell>
                  <TableCell scope="col">{t('grid.history')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {lines.map((line, index) => {
                  const state = states[line.enrolmentId];
                  const message = messageOf(state);
                  const who = learnerName(line);
                  return (
                    <TableRow key={line.enrolmentId} data-testid="sheet-row" data-code={line.learnerCode}>
                      <TableCell>{line.learnerCode}</TableCell>
                      <TableCell component="th" scope="row" sx={{ overflowWrap: 'anywhere' }}>
                        {who}
                      </TableCell>
                      <TableCell sx={{ minWidth: 120 }}>
                        <TextField
                          size="small"
                          value={textOf(line)}
                          onChange={(event) => {
                            setDrafts((values) => ({ ...values, [line.enrolmentId]: event.target.value }));
                            setStates(({ [line.enrolmentId]: _state, ...rest }) => rest);
                          }}
                          error={message !== undefined}
                          {...(message ? { helperText: message } : {})}
                          slotProps={{
                            htmlInput: {
                              id: `mark-${index}`,
                              ref: (element: HTMLInputElement | null) => {
                                fields.current[index] = element;
                              },
                              'aria-label': t('grid.markOf', { name: who, scale }),
                              onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => onKeyDown(event, index),
                              readOnly: locked,
                              autoComplete: 'off',
                              spellCheck: false,
                              size: 6,
                              'data-testid': 'mark-input',
                            },
                            formHelperText: { role: 'alert' },
                          }}
                        />
                      </TableCell>
                      <TableCell data-testid="row-state">
                        {state?.kind === 'saved' && !dirty(line) ? t('grid.saved') : dirty(line) ? t('grid.pending') : ''}
                      </TableCell>
                      <TableCell>
                        <Button size="small" onClick={() => setHistory(line)} aria-label={t('grid.historyOf', { name: who })}>
                          {t('grid.historyShort')}
                        </Button>
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </TableContainer>
        )}
        {history && <HistoryDialog assessmentId={assessmentId} line={history} onClose={() => setHistory(null)} />}
      </CardContent>
    </Card>
  );
}

import { useId, useRef, useState, type ChangeEvent } from 'react';
import { Alert, Box, Button, Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ProblemError } from '@pegase/web-kit';
import { importMarks, marksTemplate } from '../assessment-api.ts';
import { AssessmentProblem } from '../common/AssessmentProblem.tsx';
import { problemSlugOf } from '../common/problems.ts';

/** Hidden from sight, not from the keyboard or screen readers: the file field behind « Importer ». */
const visuallyHidden = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

/**
 * Marks from a file: the sheet as an .xlsx to fill in (« Télécharger le
 * modèle »), and « Importer » of an .xlsx or .csv, all or nothing; the
 * report is announced, every wrong row of a refused file listed.
 */
export function SheetImport({ assessmentId, locked, onImported }: { assessmentId: string; locked: boolean; onImported: (message: string) => void }) {
  const { t } = useTranslation('assessment');
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const template = async () => {
    setFailure(null);
    try {
      const { blob, filename } = await marksTemplate(assessmentId);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = filename ?? 'notes.xlsx';
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (error) {
      setFailure(error);
    }
  };

  const chosen = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setBusy(true);
    setFailure(null);
    try {
      const report = await importMarks(assessmentId, file);
      onImported(t('import.done', { file: file.name, changed: report.changed, unchanged: report.unchanged, empty: report.empty }));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const rows = failure instanceof ProblemError && problemSlugOf(failure.problem) === 'invalid-import' ? (failure.problem.errors ?? []) : [];
  return (
    <Box sx={{ mb: 2 }}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1}>
        <Button variant="outlined" onClick={() => void template()}>
          {t('import.template')}
        </Button>
        {!locked && (
          <Button variant="outlined" onClick={() => input.current?.click()} disabled={busy} aria-describedby={`${id}-help`}>
            {busy ? t('import.importing') : t('import.button')}
          </Button>
        )}
      </Stack>
      <input
        ref={input}
        type="file"
        accept=".xlsx,.csv"
        onChange={(event) => void chosen(event)}
        style={visuallyHidden}
        tabIndex={-1}
        aria-hidden="true"
        aria-label={t('import.button')}
      />
      {!locked && (
        <Box id={`${id}-help`} sx={{ typography: 'body2', color: 'text.secondary', mt: 0.5 }}>
          {t('import.help')}
        </Box>
      )}
      {failure !== null && (
        <Box sx={{ mt: 1 }}>
          <AssessmentProblem error={failure}>
            {rows.length > 0 && (
              <Alert severity="warning" icon={false} sx={{ p: 0, bgcolor: 'transparent' }} role="none">
                <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="import-errors">
                  {rows.map((row) => (
                    <li key={`${row.field ?? ''}-${row.message}`}>{t('import.row', { field: row.field ?? '', message: row.message })}</li>
                  ))}
                </ul>
              </Alert>
            )}
          </AssessmentProblem>
        </Box>
      )}
    </Box>
  );
}

import { useId, useRef, useState, type ChangeEvent } from 'react';
import { Box, Button, Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ProblemError, problemSlugOf } from '@pegase/web-kit';
import { AssessmentProblem } from './AssessmentProblem.tsx';

/** Hidden from sight and from the tab order: the file field behind the import button, which opens it. */
const visuallyHidden = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

/** Hands a file over to the person as a download. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * A spreadsheet out and back: a button that downloads it (the API's file,
 * with the token), and one that imports an .xlsx or .csv, all or nothing;
 * a refused file lists every wrong row (`invalid-import`, `errors[]`).
 */
export function FileExchange({
  downloadLabel,
  importLabel,
  help,
  canImport,
  fallbackName,
  download,
  upload,
  onImported,
}: {
  downloadLabel: string;
  importLabel: string;
  help: string;
  canImport: boolean;
  fallbackName: string;
  download: () => Promise<{ blob: Blob; filename: string | null }>;
  /** Sends the file; answers what to announce. */
  upload: (file: File) => Promise<string>;
  onImported: (message: string) => void;
}) {
  const { t } = useTranslation('assessment');
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const fetchFile = async () => {
    setFailure(null);
    try {
      const { blob, filename } = await download();
      saveFile(blob, filename ?? fallbackName);
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
      onImported(await upload(file));
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
        <Button variant="outlined" onClick={() => void fetchFile()}>
          {downloadLabel}
        </Button>
        {canImport && (
          <Button variant="outlined" onClick={() => input.current?.click()} disabled={busy} aria-describedby={`${id}-help`}>
            {busy ? t('import.importing') : importLabel}
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
        aria-label={importLabel}
      />
      {canImport && (
        <Box id={`${id}-help`} sx={{ typography: 'body2', color: 'text.secondary', mt: 0.5 }}>
          {help}
        </Box>
      )}
      {failure !== null && (
        <Box sx={{ mt: 1 }}>
          <AssessmentProblem error={failure}>
            {rows.length > 0 && (
              <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="import-errors">
                {rows.map((row) => (
                  <li key={`${row.field ?? ''}-${row.message}`}>{t('import.row', { field: row.field ?? '', message: row.message })}</li>
                ))}
              </ul>
            )}
          </AssessmentProblem>
        </Box>
      )}
    </Box>
  );
}

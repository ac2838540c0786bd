import { useId, useRef, useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ProblemError } from '@pegase/web-kit';
import { DocumentStatusChip } from '../common/chips.tsx';
import { EnrolmentProblem } from '../common/EnrolmentProblem.tsx';
import { UPLOAD_ACCEPT, uploadMyDocument, type EnrolmentDocument } from '../enrolment-api.ts';

/** The server's limit (DOCUMENT_MAX_BYTES of the contract): a bigger file is not sent, the person reads why at once. */
const MAX_BYTES = 5 * 1024 * 1024;

/**
 * One document the student provides: its state, the reason of a rejection,
 * and a file field with its button to send (or replace) it. Nothing is sent
 * on choosing a file: the person sends it, and reads the API's answer
 * (a type or size refused) beside the field, in their language.
 */
export function DocumentUpload({
  enrolmentId,
  document,
  name,
  open,
  onSent,
}: {
  enrolmentId: string;
  document: EnrolmentDocument;
  name: string;
  open: boolean;
  onSent: () => Promise<void>;
}) {
  const { t } = useTranslation('enrolment');
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<unknown>(null);
  const [missingFile, setMissingFile] = useState(false);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const headingId = `${id}-title`;
  const errorId = `${id}-error`;
  const mayUpload = open && document.status !== 'accepted';

  const send = async () => {
    const file = input.current?.files?.[0];
    setError(null);
    setSent(false);
    setMissingFile(file === undefined);
    if (file === undefined) {
      input.current?.focus();
      return;
    }
    if (file.size > MAX_BYTES) {
      setError(new ProblemError({ status: 413, type: 'urn:pegase:problem:payload-too-large' }));
      return;
    }
    setBusy(true);
    try {
      await uploadMyDocument(enrolmentId, document.documentType, file);
      if (input.current) input.current.value = '';
      await onSent();
      setSent(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card variant="outlined" component="section" aria-labelledby={headingId} data-testid={`my-document-${document.documentType}`}>
      <CardContent>
        <Typography component="h3" variant="h6" id={headingId} sx={{ overflowWrap: 'anywhere' }}>
          {name}
        </Typography>
        <Stack direction="row" spacing={1} sx={{ my: 1, alignItems: 'center', flexWrap: 'wrap', gap: 1, '& > *': { m: '0 !important' } }}>
          <DocumentStatusChip status={document.status} />
          <Typography variant="body2" color="text.secondary">
            {t(document.mandatory ? 'documents.mandatory' : 'documents.optional')}
          </Typography>
        </Stack>
        {document.status === 'rejected' && document.rejectReason && (
          <Alert severity="error" sx={{ mb: 2 }} data-testid="reject-reason">
            {t('documents.rejectReason', { reason: document.rejectReason })}
          </Alert>
        )}
        {document.status === 'accepted' && <Typography>{t('student.accepted')}</Typography>}
        {mayUpload && (
          <Box
            component="form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void send();
            }}
          >
            <Box component="label" htmlFor={`${id}-file`} sx={{ display: 'block', fontWeight: 600, mb: 1 }}>
              {t('student.choose', { document: name })}
            </Box>
            <Box
              component="input"
              ref={input}
              id={`${id}-file`}
              type="file"
              name="file"
              accept={UPLOAD_ACCEPT}
              aria-invalid={missingFile || error !== null ? true : undefined}
              aria-describedby={missingFile || error !== null ? errorId : undefined}
              onChange={() => {
                setMissingFile(false);
                setError(null);
              }}
              sx={{ display: 'block', maxWidth: '100%', mb: 2, font: 'inherit' }}
            />
            <Box id={errorId}>
              {missingFile && (
                <Alert severity="warning" sx={{ mb: 2 }} role="alert">
                  {t('student.chooseFirst')}
                </Alert>
              )}
              {error !== null && <EnrolmentProblem error={error} />}
            </Box>
            <Button
              type="submit"
              variant="contained"
              disabled={busy}
              aria-label={busy ? undefined : t(document.file ? 'student.replaceOf' : 'student.sendOf', { document: name })}
            >
              {busy ? t('student.sending') : document.file ? t('student.replace') : t('student.send')}
            </Button>
          </Box>
        )}
        <Box role="status" sx={{ mt: sent ? 2 : 0 }}>
          {sent && <Alert severity="success">{t('student.sent', { document: name })}</Alert>}
        </Box>
      </CardContent>
    </Card>
  );
}

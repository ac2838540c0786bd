import { useId, useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ProblemError } from '@pegase/web-kit';
import { EnrolmentProblem, useFieldError } from '../common/EnrolmentProblem.tsx';

/**
 * Asks for a reason (a rejected document, a cancelled enrolment) in a dialog
 * titled by what it decides. The reason goes to the API as typed: its
 * answer about the field (required, too short) shows beside the field, any
 * other problem above it.
 */
export function ReasonDialog({
  open,
  title,
  help,
  confirm,
  onClose,
  onConfirm,
}: {
  open: boolean;
  title: string;
  help: string;
  confirm: string;
  onClose: () => void;
  onConfirm: (reason: string) => Promise<void>;
}) {
  const { t } = useTranslation('enrolment');
  const id = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fieldError = useFieldError(error, '/reason');
  const otherError = error !== null && fieldError === undefined ? error : null;

  const close = () => {
    if (busy) return;
    setReason('');
    setError(null);
    onClose();
  };
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm(reason.trim());
      setReason('');
      onClose();
    } catch (failure) {
      setError(failure);
      if (failure instanceof ProblemError) document.getElementById(`${id}-reason`)?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={close} aria-labelledby={`${id}-title`} aria-describedby={`${id}-help`} fullWidth maxWidth="sm">
      <DialogTitle id={`${id}-title`}>{title}</DialogTitle>
      <DialogContent>
        <DialogContentText id={`${id}-help`} sx={{ mb: 2 }}>
          {help}
        </DialogContentText>
        {otherError !== null && <EnrolmentProblem error={otherError} />}
        <form
          id={`${id}-form`}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <TextField
            id={`${id}-reason`}
            label={t('enrolment.reason')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            multiline
            minRows={3}
            fullWidth
            autoFocus
            error={fieldError !== undefined}
            helperText={fieldError}
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
        </form>
      </DialogContent>
      <DialogActions>
        <Button onClick={close} disabled={busy}>
          {t('enrolment.close')}
        </Button>
        <Button type="submit" form={`${id}-form`} variant="contained" color="error" disabled={busy}>
          {confirm}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

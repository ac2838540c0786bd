import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { FormErrorSummary, type FormFieldError, StatusNotice } from '@pegase/web-kit';
import { domId } from '../common/choices.ts';
import type { EntryActions } from '../common/CursusTree.tsx';
import { courseName } from '../common/EntryStatus.tsx';
import { apiFieldErrors, fieldMessage } from '../common/field-messages.ts';
import { formatMark, isAcquiredIn, parseMark } from '../common/marks.ts';
import { RegistrationProblem } from '../common/RegistrationProblem.tsx';
import { liftCarriedCredit, liftExemption, putCarriedCredit, putExemption, type Cursus, type CursusEntry } from '../registration-api.ts';

type Action = 'exempt' | 'credit' | 'liftExemption' | 'liftCredit';

/** An entry staff may exempt or credit: an object the learner follows below the enrolment point. */
export function mayCarry(entry: Pick<CursusEntry, 'kind' | 'status'>): boolean {
  return entry.kind !== 'point' && entry.status === 'registered';
}

interface DialogProps {
  cursus: Cursus;
  entry: CursusEntry;
  onClose: () => void;
  /** Saved: the cursus as the API answered it and what to announce. */
  onDone: (cursus: Cursus, message: string) => void;
}

/** A dialog titled by what it decides, its form's errors listed above the fields, the API's other problems above them. */
function ActionDialog({
  title,
  help,
  confirm,
  danger,
  busy,
  failure,
  summary,
  onClose,
  onSubmit,
  children,
}: {
  title: string;
  help: string;
  confirm: string;
  danger?: boolean;
  busy: boolean;
  failure: unknown;
  summary: FormFieldError[];
  onClose: () => void;
  onSubmit: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation('registration');
  const id = useId();
  const placed = summary.length > 0;
  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={`${id}-title`} aria-describedby={`${id}-help`} fullWidth maxWidth="sm">
      <DialogTitle id={`${id}-title`} sx={{ overflowWrap: 'anywhere' }}>
        {title}
      </DialogTitle>
      <DialogContent>
        <DialogContentText id={`${id}-help`} sx={{ mb: 2 }}>
          {help}
        </DialogContentText>
        <FormErrorSummary errors={summary} />
        {failure !== null && !placed && <RegistrationProblem error={failure} />}
        <Box
          component="form"
          id={`${id}-form`}
          noValidate
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            if (!busy) onSubmit();
          }}
        >
          {children}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {t('entry.cancel')}
        </Button>
        <Button type="submit" form={`${id}-form`} variant="contained" color={danger ? 'error' : 'primary'} disabled={busy}>
          {busy ? t('entry.saving') : confirm}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function ExemptionDialog({ cursus, entry, onClose, onDone }: DialogProps) {
  const { t, i18n } = useTranslation('registration');
  const course = courseName(entry, i18n.language);
  const inputId = `${domId(cursus.enrolmentId, entry.path)}-reason`;
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const server = apiFieldErrors(failure).get('/reason');
  const message = local ?? (server === undefined ? undefined : fieldMessage(server, t, t(/at most/.test(server) ? 'exemption.tooLong' : 'exemption.tooShort')));

  const submit = async () => {
    const text = reason.trim();
    const wrong = text.length < 3 ? t('exemption.tooShort') : text.length > 500 ? t('exemption.tooLong') : undefined;
    setLocal(wrong);
    setFailure(null);
    if (wrong) {
      document.getElementById(inputId)?.focus();
      return;
    }
    setBusy(true);
    try {
      onDone(await putExemption(cursus.enrolmentId, entry.path, text), t('exemption.saved', { course }));
    } catch (error) {
      setFailure(error);
      if (apiFieldErrors(error).has('/reason')) document.getElementById(inputId)?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <ActionDialog
      title={t('exemption.title', { course })}
      help={t('exemption.help')}
      confirm={t('exemption.confirm')}
      busy={busy}
      failure={failure}
      summary={message ? [{ inputId, label: t('exemption.reason'), message }] : []}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <TextField
        id={inputId}
        label={t('exemption.reason')}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        required
        multiline
        minRows={2}
        fullWidth
        autoFocus
        error={message !== undefined}
        helperText={message ?? t('exemption.reasonHelp')}
        slotProps={{ htmlInput: { maxLength: 500 } }}
      />
    </ActionDialog>
  );
}

function CreditDialog({ cursus, entry, onClose, onDone }: DialogProps) {
  const { t, i18n } = useTranslation('registration');
  const course = courseName(entry, i18n.language);
  const base = domId(cursus.enrolmentId, entry.path);
  const ids = { mark: `${base}-mark`, fromPeriod: `${base}-from` };
  const [values, setValues] = useState({ mark: '', fromPeriod: '' });
  const [local, setLocal] = useState<Partial<Record<'mark' | 'fromPeriod', string>>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const server = apiFieldErrors(failure);
  const messageOf = (field: 'mark' | 'fromPeriod') => {
    if (local[field]) return local[field];
    const said = server.get(`/${field}`);
    return said === undefined ? undefined : fieldMessage(said, t, t(field === 'mark' ? 'credit.markInvalid' : 'credit.fromPeriodInvalid'));
  };
  const messages = { mark: messageOf('mark'), fromPeriod: messageOf('fromPeriod') };

  const submit = async () => {
    const mark = parseMark(values.mark);
    const fromPeriod = values.fromPeriod.trim();
    const found: Partial<Record<'mark' | 'fromPeriod', string>> = {};
    if (mark === undefined) found.mark = t('credit.markInvalid');
    if (!isAcquiredIn(fromPeriod)) found.fromPeriod = t('credit.fromPeriodInvalid');
    setLocal(found);
    setFailure(null);
    if (mark === undefined || found.fromPeriod) {
      document.getElementById(found.mark ? ids.mark : ids.fromPeriod)?.focus();
      return;
    }
    setBusy(true);
    try {
      const next = await putCarriedCredit(cursus.enrolmentId, entry.path, mark, fromPeriod);
      onDone(next, t('credit.saved', { course, mark: formatMark(mark, i18n.language) }));
    } catch (error) {
      setFailure(error);
      const fields = apiFieldErrors(error);
      if (fields.has('/mark')) document.getElementById(ids.mark)?.focus();
      else if (fields.has('/fromPeriod')) document.getElementById(ids.fromPeriod)?.focus();
    } finally {
      setBusy(false);
    }
  };

  const summary: FormFieldError[] = (['mark', 'fromPeriod'] as const).flatMap((field) =>
    messages[field] ? [{ inputId: ids[field], label: t(`credit.${field}`), message: messages[field] }] : [],
  );
  return (
    <ActionDialog
      title={t('credit.title', { course })}
      help={t('credit.help')}
      confirm={t('credit.confirm')}
      busy={busy}
      failure={failure}
      summary={summary}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ pt: 1 }}>
        <TextField
          id={ids.mark}
          label={t('credit.mark')}
          value={values.mark}
          onChange={(event) => setValues((current) => ({ ...current, mark: event.target.value }))}
          required
          autoFocus
          error={messages.mark !== undefined}
          helperText={messages.mark ?? t('credit.markHelp')}
          slotProps={{ htmlInput: { inputMode: 'decimal', autoComplete: 'off', maxLength: 10 } }}
          sx={{ flex: 1 }}
        />
        <TextField
          id={ids.fromPeriod}
          label={t('credit.fromPeriod')}
          value={values.fromPeriod}
          onChange={(event) => setValues((current) => ({ ...current, fromPeriod: event.target.value }))}
          required
          error={messages.fromPeriod !== undefined}
          helperText={messages.fromPeriod ?? t('credit.fromPeriodHelp')}
          slotProps={{ htmlInput: { autoComplete: 'off', maxLength: 40 } }}
          sx={{ flex: 1 }}
        />
      </Stack>
    </ActionDialog>
  );
}

/** Lifting an exemption or a credit erases what was recorded: it is asked once more. */
function LiftDialog({ cursus, entry, what, onClose, onDone }: DialogProps & { what: 'exemption' | 'credit' }) {
  const { t, i18n } = useTranslation('registration');
  const course = courseName(entry, i18n.language);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const help =
    what === 'exemption'
      ? t('exemption.liftText', { reason: entry.exemption?.reason ?? '' })
      : t('credit.liftText', { mark: formatMark(entry.carriedOver?.mark ?? '', i18n.language), period: entry.carriedOver?.fromPeriod ?? '' });
  const submit = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const next = what === 'exemption' ? await liftExemption(cursus.enrolmentId, entry.path) : await liftCarriedCredit(cursus.enrolmentId, entry.path);
      onDone(next, t(what === 'exemption' ? 'exemption.lifted' : 'credit.lifted', { course }));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <ActionDialog
      title={t(what === 'exemption' ? 'exemption.liftTitle' : 'credit.liftTitle', { course })}
      help={help}
      confirm={t(what === 'exemption' ? 'entry.liftExemption' : 'entry.liftCredit')}
      danger
      busy={busy}
      failure={failure}
      summary={[]}
      onClose={onClose}
      onSubmit={() => void submit()}
    />
  );
}

function EntryButtons({ entry, onOpen }: { entry: CursusEntry; onOpen: (action: Action) => void }) {
  const { t, i18n } = useTranslation('registration');
  const course = courseName(entry, i18n.language);
  const button = (action: Action, label: string, name: string) => (
    <Button size="small" variant="outlined" onClick={() => onOpen(action)} aria-label={name} data-action={action}>
      {label}
    </Button>
  );
  return (
    <Box
      role="group"
      aria-label={t('entry.actionsOf', { course })}
      sx={{ flexBasis: '100%', display: 'flex', flexWrap: 'wrap', gap: 1, pt: 0.5 }}
      data-testid="entry-actions"
    >
      {entry.exemption ? (
        button('liftExemption', t('entry.liftExemption'), t('entry.liftExemptionOf', { course }))
      ) : entry.carriedOver ? (
        button('liftCredit', t('entry.liftCredit'), t('entry.liftCreditOf', { course }))
      ) : (
        <>
          {button('exempt', t('entry.exempt'), t('entry.exemptOf', { course }))}
          {button('credit', t('entry.credit'), t('entry.creditOf', { course }))}
        </>
      )}
    </Box>
  );
}

/**
 * Staff's actions on the entries of a cursus: exempt (with the reason),
 * record a credit carried over (a mark on 20 and the year it was acquired),
 * and lift either, each through a dialog. What was done is announced above
 * the tree, which takes the focus (the button that opened the dialog is
 * replaced by the one that lifts it).
 */
export function useEntryActions(cursus: Cursus, onSaved: (cursus: Cursus) => void): { actions: EntryActions; notice: ReactNode } {
  const [open, setOpen] = useState<{ action: Action; path: string } | null>(null);
  const [notice, setNotice] = useState('');
  const noticeRef = useRef<HTMLDivElement>(null);
  const entry = open === null ? undefined : cursus.entries.find((item) => item.path === open.path);
  const close = () => setOpen(null);
  const done = (next: Cursus, message: string) => {
    onSaved(next);
    setNotice(message);
    setOpen(null);
    setTimeout(() => noticeRef.current?.focus(), 0);
  };
  const actions: EntryActions = (item) =>
    mayCarry(item) ? (
      <EntryButtons
        entry={item}
        onOpen={(action) => {
          setNotice('');
          setOpen({ action, path: item.path });
        }}
      />
    ) : null;
  const props = entry === undefined ? undefined : { cursus, entry, onClose: close, onDone: done };
  return {
    actions,
    notice: (
      <>
        <Box ref={noticeRef} tabIndex={-1} sx={{ '&:focus': { outline: 'none' }, '&:focus-visible': { outline: '3px solid #f5a623' } }}>
          <StatusNotice notice={notice} testId="entry-notice" />
        </Box>
        {props && open?.action === 'exempt' && <ExemptionDialog {...props} />}
        {props && open?.action === 'credit' && <CreditDialog {...props} />}
        {props && open?.action === 'liftExemption' && <LiftDialog {...props} what="exemption" />}
        {props && open?.action === 'liftCredit' && <LiftDialog {...props} what="credit" />}
      </>
    ),
  };
}

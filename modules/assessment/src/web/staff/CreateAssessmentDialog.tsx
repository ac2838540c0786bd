import { useId, useState, type FormEvent } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf, FormErrorSummary, type FormFieldError, ProblemError, problemSlugOf } from '@pegase/web-kit';
import { createAssessment, type Assessment } from '../assessment-api.ts';
import { AssessmentProblem } from '../common/AssessmentProblem.tsx';
import { parseDecimal } from '../common/decimals.ts';

type Field = 'session' | 'code' | 'label' | 'coefficient';
const CODE = /^[A-Z0-9][A-Z0-9-]{0,39}$/;

/** A new assessment (épreuve) of a course element: its session, code, label and coefficient among the element's assessments. */
export function CreateAssessmentDialog({
  periodId,
  path,
  elementName,
  onClose,
  onCreated,
}: {
  periodId: string;
  path: string;
  elementName: string;
  onClose: () => void;
  onCreated: (assessment: Assessment) => void;
}) {
  const { t } = useTranslation('assessment');
  const id = useId();
  const [values, setValues] = useState<Record<Field, string>>({ session: '1', code: '', label: '', coefficient: '1' });
  const [local, setLocal] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const inputId = (field: Field) => `${id}-${field}`;
  const server = fieldErrorsOf(failure);
  const slug = failure instanceof ProblemError ? problemSlugOf(failure.problem) : undefined;
  const fields: Field[] = ['session', 'code', 'label', 'coefficient'];
  const messageOf = (field: Field): string | undefined => {
    if (local[field]) return local[field];
    if (field === 'code' && slug === 'duplicate-code') return t('create.codeTaken');
    return server[`/${field}`] === undefined ? undefined : t(`create.${field}Invalid`);
  };
  const summary: FormFieldError[] = fields.flatMap((field) => {
    const message = messageOf(field);
    return message ? [{ inputId: inputId(field), label: t(`create.${field}`), message }] : [];
  });
  const set = (field: Field, value: string) => setValues((before) => ({ ...before, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setFailure(null);
    const code = values.code.trim();
    const label = values.label.trim();
    const coefficient = parseDecimal(values.coefficient);
    const found: Partial<Record<Field, string>> = {};
    if (!CODE.test(code)) found.code = t('create.codeInvalid');
    if (label === '' || label.length > 200) found.label = t('create.labelInvalid');
    if (coefficient === undefined || Number(coefficient) === 0) found.coefficient = t('create.coefficientInvalid');
    setLocal(found);
    const first = fields.find((field) => found[field]);
    if (first) {
      document.getElementById(inputId(first))?.focus();
      return;
    }
    setSaving(true);
    try {
      onCreated(await createAssessment({ periodId, path, session: values.session === '2' ? 2 : 1, code, label, coefficient: coefficient! }));
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  const text = (field: Field, extra: object = {}) => {
    const message = messageOf(field);
    return {
      id: inputId(field),
      label: t(`create.${field}`),
      value: values[field],
      error: message !== undefined,
      helperText: message ?? t(`create.${field}Help`),
      onChange: (event: { target: { value: string } }) => set(field, field === 'code' ? event.target.value.toUpperCase() : event.target.value),
      ...extra,
    };
  };

  return (
    <Dialog open onClose={saving ? undefined : onClose} aria-labelledby={`${id}-title`} aria-describedby={`${id}-help`} fullWidth maxWidth="sm">
      <DialogTitle id={`${id}-title`} sx={{ overflowWrap: 'anywhere' }}>
        {t('create.title', { name: elementName })}
      </DialogTitle>
      <DialogContent>
        <DialogContentText id={`${id}-help`} sx={{ mb: 2 }}>
          {t('create.help')}
        </DialogContentText>
        <FormErrorSummary errors={summary} />
        {failure !== null && slug !== 'duplicate-code' && Object.keys(server).length === 0 && <AssessmentProblem error={failure} />}
        <form id={`${id}-form`} noValidate onSubmit={(event) => void submit(event)}>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField select {...text('session')} slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}>
              <option value="1">{t('session', { session: 1 })}</option>
              <option value="2">{t('session', { session: 2 })}</option>
            </TextField>
            <TextField {...text('code')} required />
            <TextField {...text('label')} required />
            <TextField {...text('coefficient')} slotProps={{ htmlInput: { inputMode: 'decimal' } }} />
          </Stack>
        </form>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={saving}>
          {t('create.cancel')}
        </Button>
        <Button type="submit" form={`${id}-form`} variant="contained" disabled={saving}>
          {t('create.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

import { useId, useState, type FormEvent } from 'react';
import { Button, Checkbox, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, FormControlLabel, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { FormErrorSummary, fieldErrorsOf, type FormFieldError } from '@pegase/web-kit';
import { putRule, type Rule, type RuleBody } from '../assessment-api.ts';
import { AssessmentProblem } from '../common/AssessmentProblem.tsx';
import { parseDecimal } from '../common/decimals.ts';
import { formatMark, parseMarkInput } from '../common/marks.ts';

type TextFieldName = 'coefficient' | 'passMark' | 'credits' | 'eliminatory';
const TEXT_FIELDS: TextFieldName[] = ['coefficient', 'passMark', 'credits', 'eliminatory'];

/**
 * One path's rules (MCC) as a form: the whole rule is sent (a field left as
 * it was keeps its value). The form's checks, then the API's (`invalid-rule`
 * with its fields), beside each field and listed above the form.
 */
export function RuleDialog({
  periodId,
  rule,
  name,
  onClose,
  onSaved,
}: {
  periodId: string;
  rule: Rule;
  name: string;
  onClose: () => void;
  onSaved: (rule: Rule) => void;
}) {
  const { t, i18n } = useTranslation('assessment');
  const id = useId();
  const [text, setText] = useState<Record<TextFieldName, string>>({
    coefficient: formatMark(rule.coefficient, i18n.language),
    passMark: formatMark(rule.passMark, i18n.language),
    credits: formatMark(rule.credits, i18n.language),
    eliminatory: rule.eliminatory === null ? '' : formatMark(rule.eliminatory, i18n.language),
  });
  const [compensates, setCompensates] = useState(rule.compensates);
  const [abjPolicy, setAbjPolicy] = useState(rule.abjPolicy);
  const [session2, setSession2] = useState(rule.session2);
  const [local, setLocal] = useState<Partial<Record<TextFieldName, string>>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const inputId = (field: string) => `${id}-${field}`;
  const server = fieldErrorsOf(failure);
  const messageOf = (field: TextFieldName) => local[field] ?? (server[`/${field}`] === undefined ? undefined : t(`ruleForm.${field}Invalid`));
  const summary: FormFieldError[] = TEXT_FIELDS.flatMap((field) => {
    const message = messageOf(field);
    return message ? [{ inputId: inputId(field), label: t(`rules.${field}`), message }] : [];
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setFailure(null);
    const found: Partial<Record<TextFieldName, string>> = {};
    const coefficient = parseDecimal(text.coefficient);
    if (coefficient === undefined || Number(coefficient) === 0) found.coefficient = t('ruleForm.coefficientInvalid');
    const passMark = parseMarkInput(text.passMark);
    if (passMark.kind !== 'mark') found.passMark = t('ruleForm.passMarkInvalid');
    const credits = parseDecimal(text.credits);
    if (credits === undefined) found.credits = t('ruleForm.creditsInvalid');
    const eliminatory = text.eliminatory.trim() === '' ? null : parseMarkInput(text.eliminatory);
    if (eliminatory !== null && eliminatory.kind !== 'mark') found.eliminatory = t('ruleForm.eliminatoryInvalid');
    setLocal(found);
    const first = TEXT_FIELDS.find((field) => found[field]);
    if (first) {
      document.getElementById(inputId(first))?.focus();
      return;
    }
    const body: RuleBody = {
      coefficient: coefficient!,
      passMark: (passMark as { value: string }).value,
      credits: credits!,
      compensates,
      eliminatory: eliminatory === null ? null : (eliminatory as { value: string }).value,
      abjPolicy,
      session2,
    };
    setSaving(true);
    try {
      onSaved(await putRule(periodId, rule.path, body));
    } catch (error) {
      setFailure(error);
      const field = TEXT_FIELDS.find((name) => fieldErrorsOf(error)[`/${name}`] !== undefined);
      if (field) document.getElementById(inputId(field))?.focus();
    } finally {
      setSaving(false);
    }
  };

  const field = (name: TextFieldName) => {
    const message = messageOf(name);
    return (
      <TextField
        id={inputId(name)}
        label={t(`rules.${name}`)}
        value={text[name]}
        onChange={(event) => setText((before) => ({ ...before, [name]: event.target.value }))}
        error={message !== undefined}
        helperText={message ?? t(`ruleForm.${name}Help`)}
        slotProps={{ htmlInput: { inputMode: 'decimal' } }}
      />
    );
  };

  return (
    <Dialog open onClose={saving ? undefined : onClose} aria-labelledby={`${id}-title`} aria-describedby={`${id}-help`} fullWidth maxWidth="sm">
      <DialogTitle id={`${id}-title`} sx={{ overflowWrap: 'anywhere' }}>
        {t('ruleForm.title', { name })}
      </DialogTitle>
      <DialogContent>
        <DialogContentText id={`${id}-help`} sx={{ mb: 2 }}>
          {t('ruleForm.help')}
        </DialogContentText>
        <FormErrorSummary errors={summary} />
        {failure !== null && Object.keys(server).length === 0 && <AssessmentProblem error={failure} />}
        <form id={`${id}-form`} noValidate onSubmit={(event) => void submit(event)}>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {field('coefficient')}
            {field('passMark')}
            {field('credits')}
            <FormControlLabel
              control={<Checkbox checked={compensates} onChange={(event) => setCompensates(event.target.checked)} />}
              label={t('rules.compensates')}
            />
            {field('eliminatory')}
            <TextField
              select
              id={inputId('abjPolicy')}
              label={t('rules.abjPolicy')}
              value={abjPolicy}
              onChange={(event) => setAbjPolicy(event.target.value as Rule['abjPolicy'])}
              slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
            >
              <option value="neutral">{t('rules.abj.neutral')}</option>
              <option value="zero">{t('rules.abj.zero')}</option>
            </TextField>
            <TextField
              select
              id={inputId('session2')}
              label={t('rules.session2')}
              value={session2}
              onChange={(event) => setSession2(event.target.value as Rule['session2'])}
              slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
            >
              <option value="best">{t('rules.second.best')}</option>
              <option value="replace">{t('rules.second.replace')}</option>
            </TextField>
          </Stack>
        </form>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={saving}>
          {t('ruleForm.cancel')}
        </Button>
        <Button type="submit" form={`${id}-form`} variant="contained" disabled={saving}>
          {t('ruleForm.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

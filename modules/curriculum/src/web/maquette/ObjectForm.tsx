import { useState, type FormEvent } from 'react';
import { Box, Button, Checkbox, FormControlLabel, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf, FormErrorSummary, ProblemError, type FormFieldError } from '@pegase/web-kit';
import type { TrainingObject } from '../curriculum-api.ts';
import { CurriculumProblem, useFieldMessage } from '../common/CurriculumProblem.tsx';
import { checkDraft, draftOf, HOUR_FORMATS, type HourFormat, type ObjectDraft } from './object-draft.ts';

/** The inputs, by the JSON pointer the API names them with. */
function inputsOf(grouping: boolean): Record<string, { id: string; label: string; format?: HourFormat }> {
  return {
    '/labels/fr': { id: 'object-label-fr', label: 'fields.labelFr' },
    '/labels/en': { id: 'object-label-en', label: 'fields.labelEn' },
    '/ects': { id: 'object-ects', label: 'fields.ects' },
    ...Object.fromEntries(HOUR_FORMATS.map((format) => [`/hours/${format}`, { id: `object-hours-${format}`, label: 'fields.hoursOf', format }])),
    '/capacity': { id: 'object-capacity', label: 'fields.capacity' },
    '/openForChoice': { id: 'object-open-for-choice', label: 'fields.openForChoice' },
    '/enrolmentPoint': { id: 'object-enrolment-point', label: 'fields.enrolmentPoint' },
    ...(grouping
      ? {
          '/choice/min': { id: 'object-choice-min', label: 'fields.choiceMin' },
          '/choice/max': { id: 'object-choice-max', label: 'fields.choiceMax' },
        }
      : {}),
  };
}

/**
 * Changes a draft object: labels, credits, hours by format, capacity, its
 * flags and, for a grouping, how many children a student chooses. Errors
 * are shown next to their field and listed above the form, the API's too
 * (a range whose minimum exceeds its maximum, someone else's change).
 */
export function ObjectForm({
  object,
  grouping,
  onSubmit,
  onCancel,
}: {
  object: TrainingObject;
  grouping: boolean;
  onSubmit: (draft: ObjectDraft) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation('curriculum');
  const fieldMessage = useFieldMessage();
  const [draft, setDraft] = useState(() => draftOf(object));
  const [local, setLocal] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const inputs = inputsOf(grouping);

  const server = fieldErrorsOf(failure);
  // A range refused as a whole lands on its minimum.
  if (server['/choice'] && !server['/choice/min']) server['/choice/min'] = server['/choice'];
  const messageOf = (pointer: string): string | undefined => {
    if (local[pointer]) return fieldMessage(local[pointer], false);
    if (server[pointer]) return fieldMessage(server[pointer], true);
    return undefined;
  };
  const labelOf = (pointer: string) => {
    const input = inputs[pointer]!;
    return input.format ? t(input.label, { format: input.format }) : t(input.label);
  };
  const summary: FormFieldError[] = Object.entries(inputs).flatMap(([pointer, input]) => {
    const message = messageOf(pointer);
    return message === undefined ? [] : [{ inputId: input.id, label: labelOf(pointer), message }];
  });
  const unplaced = failure !== null && (!(failure instanceof ProblemError) || Object.keys(server).every((pointer) => !(pointer in inputs)));

  const set = <K extends keyof ObjectDraft>(key: K, value: ObjectDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const field = (pointer: string) => {
    const message = messageOf(pointer);
    return { id: inputs[pointer]!.id, label: labelOf(pointer), error: message !== undefined, ...(message ? { helperText: message } : {}) };
  };
  const number = { htmlInput: { inputMode: 'decimal' as const, autoComplete: 'off' } };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const errors = checkDraft(draft, grouping);
    setLocal(errors);
    setFailure(null);
    const first = Object.keys(inputs).find((pointer) => errors[pointer]);
    if (first) {
      document.getElementById(inputs[first]!.id)?.focus();
      return;
    }
    setSaving(true);
    try {
      await onSubmit(draft);
    } catch (error) {
      setFailure(error);
      const fields = fieldErrorsOf(error);
      const pointer = Object.keys(inputs).find((candidate) => fields[candidate] || (candidate === '/choice/min' && fields['/choice']));
      if (pointer) document.getElementById(inputs[pointer]!.id)?.focus();
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="object-form-title">
      <Typography component="h3" variant="h6" id="object-form-title" sx={{ mb: 1 }}>
        {t('maquette.editTitle', { code: object.code })}
      </Typography>
      {unplaced && <CurriculumProblem error={failure} />}
      <FormErrorSummary errors={summary} />
      <Stack spacing={2}>
        <TextField
          value={draft.labelFr}
          onChange={(event) => set('labelFr', event.target.value)}
          required
          slotProps={{ htmlInput: { maxLength: 200, lang: 'fr' } }}
          {...field('/labels/fr')}
        />
        <TextField
          value={draft.labelEn}
          onChange={(event) => set('labelEn', event.target.value)}
          slotProps={{ htmlInput: { maxLength: 200, lang: 'en' } }}
          {...field('/labels/en')}
        />
        <TextField
          value={draft.ects}
          onChange={(event) => set('ects', event.target.value)}
          slotProps={number}
          {...field('/ects')}
          helperText={messageOf('/ects') ?? t('help.ects')}
        />
        <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
          <Typography component="legend" sx={{ mb: 1, fontWeight: 600 }}>
            {t('fields.hours')}
          </Typography>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            {HOUR_FORMATS.map((format) => (
              <TextField
                key={format}
                value={draft.hours[format]}
                onChange={(event) => set('hours', { ...draft.hours, [format]: event.target.value })}
                slotProps={number}
                {...field(`/hours/${format}`)}
              />
            ))}
          </Stack>
        </Box>
        <TextField
          value={draft.capacity}
          onChange={(event) => set('capacity', event.target.value)}
          slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'off' } }}
          {...field('/capacity')}
          helperText={messageOf('/capacity') ?? t('help.capacity')}
        />
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <FormControlLabel
            control={<Checkbox id="object-open-for-choice" checked={draft.openForChoice} onChange={(event) => set('openForChoice', event.target.checked)} />}
            label={t('fields.openForChoice')}
          />
          <FormControlLabel
            control={<Checkbox id="object-enrolment-point" checked={draft.enrolmentPoint} onChange={(event) => set('enrolmentPoint', event.target.checked)} />}
            label={t('fields.enrolmentPoint')}
          />
        </Stack>
        {grouping && (
          <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }} aria-describedby="object-choice-help">
            <Typography component="legend" sx={{ mb: 1, fontWeight: 600 }}>
              {t('fields.choice')}
            </Typography>
            <Typography id="object-choice-help" variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {t('help.choice')}
            </Typography>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <TextField
                value={draft.choiceMin}
                onChange={(event) => set('choiceMin', event.target.value)}
                slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'off' } }}
                {...field('/choice/min')}
              />
              <TextField
                value={draft.choiceMax}
                onChange={(event) => set('choiceMax', event.target.value)}
                slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'off' } }}
                {...field('/choice/max')}
              />
            </Stack>
          </Box>
        )}
        <Stack direction="row" spacing={2}>
          <Button type="submit" variant="contained" disabled={saving}>
            {t('form.save', { ns: 'translation' })}
          </Button>
          <Button variant="outlined" onClick={onCancel} disabled={saving}>
            {t('form.cancel', { ns: 'translation' })}
          </Button>
        </Stack>
      </Stack>
    </form>
  );
}

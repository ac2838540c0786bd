import { useState, type FormEvent } from 'react';
import { Button, MenuItem, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf, FormErrorSummary, labelIn, ProblemError, type FormFieldError } from '@pegase/web-kit';
import type { ObjectType, Structure } from '../curriculum-api.ts';
import { checkNewObject, emptyNewObject, type NewObjectDraft } from '../maquette/object-draft.ts';
import { CurriculumProblem, useFieldMessage } from './CurriculumProblem.tsx';
import { StructurePicker } from './structures.tsx';

/**
 * Creates a training object: a formation (with its owner structure) or a
 * child of the selected object (with its kind). Errors are shown next to
 * their field and listed above the form, the API's ones too.
 */
export function NewObjectForm({
  idPrefix,
  label,
  kinds,
  withOwner = false,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  idPrefix: string;
  /** Names the form for assistive technologies. */
  label: string;
  /** The kinds to choose from; none: the kind is fixed by the caller. */
  kinds?: ObjectType[];
  withOwner?: boolean;
  submitLabel: string;
  onSubmit: (draft: NewObjectDraft, owner: Structure | null) => Promise<void>;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation('curriculum');
  const fieldMessage = useFieldMessage();
  const [draft, setDraft] = useState<NewObjectDraft>(emptyNewObject);
  const [owner, setOwner] = useState<Structure | null>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const inputs: Record<string, { id: string; label: string }> = {
    '/code': { id: `${idPrefix}-code`, label: 'fields.code' },
    ...(kinds ? { '/type': { id: `${idPrefix}-type`, label: 'fields.kind' } } : {}),
    '/labels/fr': { id: `${idPrefix}-label-fr`, label: 'fields.labelFr' },
    '/labels/en': { id: `${idPrefix}-label-en`, label: 'fields.labelEn' },
    ...(withOwner ? { '/ownerStructureId': { id: `${idPrefix}-owner`, label: 'fields.owner' } } : {}),
    '/ects': { id: `${idPrefix}-ects`, label: 'fields.ects' },
  };
  const server = fieldErrorsOf(failure);
  const messageOf = (pointer: string): string | undefined => {
    if (local[pointer]) return fieldMessage(local[pointer], false);
    if (server[pointer]) return fieldMessage(server[pointer], true);
    return undefined;
  };
  const summary: FormFieldError[] = Object.entries(inputs).flatMap(([pointer, input]) => {
    const message = messageOf(pointer);
    return message === undefined ? [] : [{ inputId: input.id, label: t(input.label), message }];
  });
  const unplaced = failure !== null && (!(failure instanceof ProblemError) || Object.keys(server).every((pointer) => !(pointer in inputs)));

  const set = <K extends keyof NewObjectDraft>(key: K, value: NewObjectDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const field = (pointer: string) => {
    const message = messageOf(pointer);
    return { id: inputs[pointer]!.id, error: message !== undefined, ...(message ? { helperText: message } : {}) };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const errors = checkNewObject(kinds ? draft : { ...draft, type: 'formation' });
    if (withOwner && owner === null) errors['/ownerStructureId'] = 'form.messages.required';
    setLocal(errors);
    setFailure(null);
    const first = Object.keys(inputs).find((pointer) => errors[pointer]);
    if (first) {
      document.getElementById(inputs[first]!.id)?.focus();
      return;
    }
    setSaving(true);
    try {
      await onSubmit(draft, owner);
    } catch (error) {
      setFailure(error);
      const pointer = Object.keys(inputs).find((candidate) => fieldErrorsOf(error)[candidate]);
      if (pointer) document.getElementById(inputs[pointer]!.id)?.focus();
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={label}>
      {unplaced && <CurriculumProblem error={failure} />}
      <FormErrorSummary errors={summary} />
      <Stack spacing={2} sx={{ maxWidth: 640 }}>
        <TextField
          label={t('fields.code')}
          value={draft.code}
          onChange={(event) => set('code', event.target.value.toUpperCase())}
          required
          slotProps={{ htmlInput: { maxLength: 40, autoComplete: 'off', spellCheck: false } }}
          {...field('/code')}
          helperText={messageOf('/code') ?? t('help.code')}
        />
        {kinds && (
          <TextField select label={t('fields.kind')} value={draft.type} onChange={(event) => set('type', event.target.value)} required {...field('/type')}>
            {kinds.map((kind) => (
              <MenuItem key={kind.code} value={kind.code}>
                {labelIn(i18n.language, kind.labels)}
              </MenuItem>
            ))}
          </TextField>
        )}
        <TextField
          label={t('fields.labelFr')}
          value={draft.labelFr}
          onChange={(event) => set('labelFr', event.target.value)}
          required
          slotProps={{ htmlInput: { maxLength: 200, lang: 'fr' } }}
          {...field('/labels/fr')}
        />
        <TextField
          label={t('fields.labelEn')}
          value={draft.labelEn}
          onChange={(event) => set('labelEn', event.target.value)}
          slotProps={{ htmlInput: { maxLength: 200, lang: 'en' } }}
          {...field('/labels/en')}
        />
        {withOwner && <StructurePicker id={`${idPrefix}-owner`} value={owner} onChange={setOwner} error={messageOf('/ownerStructureId')} />}
        <TextField
          label={t('fields.ects')}
          value={draft.ects}
          onChange={(event) => set('ects', event.target.value)}
          slotProps={{ htmlInput: { inputMode: 'decimal', autoComplete: 'off' } }}
          {...field('/ects')}
          helperText={messageOf('/ects') ?? t('help.ects')}
        />
        <Stack direction="row" spacing={2}>
          <Button type="submit" variant="contained" disabled={saving}>
            {submitLabel}
          </Button>
          <Button variant="outlined" onClick={onCancel} disabled={saving}>
            {t('form.cancel', { ns: 'translation' })}
          </Button>
        </Stack>
      </Stack>
    </form>
  );
}

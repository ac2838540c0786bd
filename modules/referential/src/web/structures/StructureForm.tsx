import { useState, type FormEvent } from 'react';
import { Button, MenuItem, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf, FormErrorSummary, ProblemAlert, ProblemError, translateFieldMessage, type FormFieldError } from '@pegase/web-kit';
import { STRUCTURE_TYPES, type Structure, type StructureType } from './structure-api.ts';
import { ParentPicker } from './ParentPicker.tsx';

export interface StructureDraft {
  code: string;
  type: StructureType | '';
  labelFr: string;
  labelEn: string;
  parent: Structure | null;
  closedOn: string;
}

const CODE = /^[A-Z0-9][A-Z0-9-]{0,39}$/;

/** The inputs, by the JSON pointer the API names them with. */
const INPUTS: Record<string, { id: string; label: string }> = {
  '/code': { id: 'structure-code', label: 'structures.code' },
  '/type': { id: 'structure-type', label: 'structures.type' },
  '/labels/fr': { id: 'structure-label-fr', label: 'structures.labelFr' },
  '/labels/en': { id: 'structure-label-en', label: 'structures.labelEn' },
  '/parentId': { id: 'structure-parent', label: 'structures.parent' },
  '/closedOn': { id: 'structure-closed-on', label: 'structures.closedOn' },
};

/** What the person can fix before sending: the same rules as the API's schema, in their words. */
function checkDraft(draft: StructureDraft, creating: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  if (creating && draft.code.trim() === '') errors['/code'] = 'form.messages.required';
  else if (creating && !CODE.test(draft.code.trim())) errors['/code'] = 'form.messages.pattern';
  if (draft.type === '') errors['/type'] = 'form.messages.required';
  if (draft.labelFr.trim() === '') errors['/labels/fr'] = 'form.messages.required';
  return errors;
}

/**
 * Creates or changes a structure. Errors are shown next to their field and
 * listed above the form; the problem the API answers (code already used,
 * parent outside the person's structures, someone else's change) likewise.
 */
export function StructureForm({
  initial,
  creating,
  excludeId,
  onSubmit,
  onCancel,
}: {
  initial: StructureDraft;
  creating: boolean;
  excludeId?: string;
  onSubmit: (draft: StructureDraft) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation('referential');
  const [draft, setDraft] = useState(initial);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const server = fieldErrorsOf(failure);
  const messageOf = (pointer: string): string | undefined => {
    if (local[pointer]) return t(local[pointer], { ns: 'translation' });
    if (server[pointer]) return translateFieldMessage(server[pointer], (key: string) => t(key, { ns: 'translation' }));
    return undefined;
  };
  const summary: FormFieldError[] = Object.entries(INPUTS)
    .map(([pointer, input]) => ({ pointer, input, message: messageOf(pointer) }))
    .filter((entry): entry is { pointer: string; input: { id: string; label: string }; message: string } => entry.message !== undefined)
    .map(({ input, message }) => ({ inputId: input.id, label: t(input.label), message }));
  const unplaced = failure !== null && (!(failure instanceof ProblemError) || Object.keys(server).every((pointer) => !(pointer in INPUTS)));
  const conflict = failure instanceof ProblemError && failure.problem.status === 412;

  const set = <K extends keyof StructureDraft>(key: K, value: StructureDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const errors = checkDraft(draft, creating);
    setLocal(errors);
    setFailure(null);
    const first = Object.keys(errors)[0];
    if (first) {
      document.getElementById(INPUTS[first]!.id)?.focus();
      return;
    }
    setSaving(true);
    try {
      await onSubmit(draft);
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  const field = (pointer: string) => {
    const message = messageOf(pointer);
    return { id: INPUTS[pointer]!.id, error: message !== undefined, ...(message ? { helperText: message } : {}) };
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={creating ? t('structures.createTitle') : t('structures.edit')}>
      {(conflict || unplaced) && <ProblemAlert error={failure} />}
      <FormErrorSummary errors={summary} />
      <Stack spacing={2} sx={{ maxWidth: 640 }}>
        {creating && (
          <TextField
            label={t('structures.code')}
            value={draft.code}
            onChange={(event) => set('code', event.target.value.toUpperCase())}
            required
            slotProps={{ htmlInput: { maxLength: 40, autoComplete: 'off', spellCheck: false } }}
            {...field('/code')}
            helperText={messageOf('/code') ?? t('structures.codeHelp')}
          />
        )}
        <TextField
          select
          label={t('structures.type')}
          value={draft.type}
          onChange={(event) => set('type', event.target.value as StructureType)}
          required
          {...field('/type')}
        >
          {STRUCTURE_TYPES.map((value) => (
            <MenuItem key={value} value={value}>
              {t(`structures.types.${value}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          label={t('structures.labelFr')}
          value={draft.labelFr}
          onChange={(event) => set('labelFr', event.target.value)}
          required
          slotProps={{ htmlInput: { maxLength: 200, lang: 'fr' } }}
          {...field('/labels/fr')}
        />
        <TextField
          label={t('structures.labelEn')}
          value={draft.labelEn}
          onChange={(event) => set('labelEn', event.target.value)}
          slotProps={{ htmlInput: { maxLength: 200, lang: 'en' } }}
          {...field('/labels/en')}
        />
        <ParentPicker value={draft.parent} onChange={(value) => set('parent', value)} error={messageOf('/parentId')} excludeId={excludeId} />
        <TextField
          label={t('structures.closedOn')}
          type="date"
          value={draft.closedOn}
          onChange={(event) => set('closedOn', event.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
          {...field('/closedOn')}
          helperText={messageOf('/closedOn') ?? t('structures.closedOnHelp')}
        />
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

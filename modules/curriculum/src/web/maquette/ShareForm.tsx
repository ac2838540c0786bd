import { useState, type FormEvent } from 'react';
import { Autocomplete, Button, Stack, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf, FormErrorSummary, labelIn, useDebounced } from '@pegase/web-kit';
import { CURRICULUM, listObjects, type ObjectType, type TrainingObject } from '../curriculum-api.ts';
import { CurriculumProblem, useFieldMessage } from '../common/CurriculumProblem.tsx';
import { kindLabel } from '../common/types.ts';

const INPUT = 'share-object';

/**
 * Places an existing object of the year under the selected one as well: the
 * object is then shared (an option offered in two UEs, a common course in two
 * tracks). The API refuses a cycle and names it.
 */
export function ShareForm({
  parent,
  excluded,
  types,
  onSubmit,
  onCancel,
}: {
  parent: TrainingObject;
  /** Objects that cannot be chosen: the parent and its current children. */
  excluded: ReadonlySet<string>;
  types: ObjectType[] | undefined;
  onSubmit: (child: TrainingObject) => Promise<void>;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation('curriculum');
  const fieldMessage = useFieldMessage();
  const [input, setInput] = useState('');
  const [chosen, setChosen] = useState<TrainingObject | null>(null);
  const [local, setLocal] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const q = useDebounced(input.trim());
  const options = useQuery({
    queryKey: [CURRICULUM, 'share-options', parent.periodId, q],
    queryFn: () => listObjects({ periodId: parent.periodId, limit: 20, sort: 'code', ...(q ? { q } : {}) }),
  });
  const candidates = (options.data?.items ?? []).filter((object) => object.type !== 'formation' && !excluded.has(object.id));
  const describe = (object: TrainingObject) => `${object.code} — ${labelIn(i18n.language, object.labels)} (${kindLabel(types, object.type, i18n.language)})`;

  const server = fieldErrorsOf(failure)['/childId'];
  const message = local ? fieldMessage(local, false) : server ? fieldMessage(server, true) : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    if (chosen === null) {
      setLocal('maquette.shareChoose');
      document.getElementById(INPUT)?.focus();
      return;
    }
    setLocal(null);
    setSaving(true);
    try {
      await onSubmit(chosen);
    } catch (error) {
      setFailure(error);
      if (fieldErrorsOf(error)['/childId']) document.getElementById(INPUT)?.focus();
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="share-form-title">
      <Typography component="h3" variant="h6" id="share-form-title" sx={{ mb: 1 }}>
        {t('maquette.shareTitle', { code: parent.code })}
      </Typography>
      {failure !== null && !server && <CurriculumProblem error={failure} />}
      <FormErrorSummary errors={message ? [{ inputId: INPUT, label: t('maquette.shareSearch'), message }] : []} />
      <Stack spacing={2}>
        <Autocomplete
          id={INPUT}
          options={candidates}
          value={chosen}
          onChange={(_event, next) => setChosen(next)}
          inputValue={input}
          onInputChange={(_event, next) => setInput(next)}
          getOptionLabel={describe}
          isOptionEqualToValue={(option, value) => option.id === value.id}
          filterOptions={(items) => items}
          loading={options.isFetching}
          loadingText={t('app.loading', { ns: 'translation' })}
          noOptionsText={t('maquette.shareNoMatch')}
          renderInput={(params) => (
            <TextField {...params} label={t('maquette.shareSearch')} required error={message !== undefined} helperText={message ?? t('maquette.shareHelp')} />
          )}
        />
        <Stack direction="row" spacing={2}>
          <Button type="submit" variant="contained" disabled={saving}>
            {t('maquette.shareSubmit')}
          </Button>
          <Button variant="outlined" onClick={onCancel} disabled={saving}>
            {t('form.cancel', { ns: 'translation' })}
          </Button>
        </Stack>
      </Stack>
    </form>
  );
}

import { useState } from 'react';
import { Autocomplete, TextField } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { labelIn, useDebounced } from '@pegase/web-kit';
import { listStructures, type Structure } from './structure-api.ts';

/** Chooses a parent structure by typing part of its code or label; the API searches. */
export function ParentPicker({
  value,
  onChange,
  error,
  excludeId,
}: {
  value: Structure | null;
  onChange: (value: Structure | null) => void;
  error?: string | undefined;
  excludeId?: string | undefined;
}) {
  const { t, i18n } = useTranslation('referential');
  const [input, setInput] = useState('');
  const q = useDebounced(input.trim());
  const options = useQuery({
    queryKey: ['structure-options', q],
    queryFn: () => listStructures({ limit: 20, sort: 'code', open: true, ...(q ? { q } : {}) }),
  });
  const describe = (option: Structure) => `${option.code} — ${labelIn(i18n.language, option.labels)}`;
  return (
    <Autocomplete
      id="structure-parent"
      options={(options.data?.items ?? []).filter((option) => option.id !== excludeId && !option.ancestorIds.includes(excludeId ?? ''))}
      value={value}
      onChange={(_event, next) => onChange(next)}
      inputValue={input}
      onInputChange={(_event, next) => setInput(next)}
      getOptionLabel={describe}
      isOptionEqualToValue={(option, chosen) => option.id === chosen.id}
      filterOptions={(items) => items}
      loading={options.isFetching}
      loadingText={t('app.loading', { ns: 'translation' })}
      noOptionsText={t('structures.unknownParent')}
      renderInput={(params) => (
        <TextField
          {...params}
          label={t('structures.parent')}
          error={error !== undefined}
          helperText={error ?? t('structures.parentHelp')}
          placeholder={t('structures.noParent')}
        />
      )}
    />
  );
}

import { useState } from 'react';
import { Autocomplete, TextField } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { labelIn, useDebounced } from '@pegase/web-kit';
import { CURRICULUM, getStructure, searchStructures, type Structure } from '../curriculum-api.ts';

const describe = (structure: Structure, language: string) => `${structure.code} — ${labelIn(language, structure.labels)}`;

/** A structure of the referential by its id, read once and kept. */
export function useStructure(id: string | null) {
  return useQuery({ queryKey: [CURRICULUM, 'structure', id], queryFn: () => getStructure(id!), enabled: id !== null, staleTime: 300_000 });
}

/** The code and label of a structure, from its id. */
export function StructureName({ id }: { id: string | null }) {
  const { t, i18n } = useTranslation('curriculum');
  const structure = useStructure(id);
  if (id === null) return <>{t('values.none')}</>;
  return <>{structure.data ? describe(structure.data, i18n.language) : '…'}</>;
}

/** Chooses a structure by typing part of its code or label; the referential searches. */
export function StructurePicker({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: Structure | null;
  onChange: (value: Structure | null) => void;
  error?: string | undefined;
}) {
  const { t, i18n } = useTranslation('curriculum');
  const [input, setInput] = useState('');
  const q = useDebounced(input.trim());
  const options = useQuery({ queryKey: [CURRICULUM, 'structure-options', q], queryFn: () => searchStructures(q) });
  return (
    <Autocomplete
      id={id}
      options={options.data ?? []}
      value={value}
      onChange={(_event, next) => onChange(next)}
      inputValue={input}
      onInputChange={(_event, next) => setInput(next)}
      getOptionLabel={(option) => describe(option, i18n.language)}
      isOptionEqualToValue={(option, chosen) => option.id === chosen.id}
      filterOptions={(items) => items}
      loading={options.isFetching}
      loadingText={t('app.loading', { ns: 'translation' })}
      noOptionsText={t('help.ownerNone')}
      renderInput={(params) => <TextField {...params} label={t('fields.owner')} required error={error !== undefined} helperText={error ?? t('help.owner')} />}
    />
  );
}

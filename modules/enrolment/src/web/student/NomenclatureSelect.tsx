import { TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useNomenclatureLabel } from '../common/lookups.ts';
import { useNomenclatureOptions } from './nomenclature-options.ts';

/**
 * A value of a nomenclature, chosen in the phone's own list (a native
 * select): the values valid on `at`, labelled in the person's language.
 * A value chosen earlier that is no longer offered stays shown, so that
 * nothing changes behind the person's back.
 */
export function NomenclatureSelect({
  nomenclature,
  at,
  first,
  id,
  label,
  value,
  onChange,
  required = false,
  error,
  helperText,
  autoComplete,
}: {
  nomenclature: string;
  at?: string | undefined;
  first?: readonly string[];
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  error?: string | undefined;
  helperText?: string | undefined;
  autoComplete?: string;
}) {
  const { t } = useTranslation('enrolment');
  const { options } = useNomenclatureOptions(nomenclature, { at, ...(first ? { first } : {}) });
  const labelOf = useNomenclatureLabel(nomenclature);
  const offered = value === '' || options.some((option) => option.code === value);
  return (
    <TextField
      select
      fullWidth
      id={id}
      label={label}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      required={required}
      error={error !== undefined}
      helperText={error ?? helperText}
      slotProps={{ select: { native: true }, inputLabel: { shrink: true }, htmlInput: autoComplete ? { autoComplete } : {} }}
    >
      <option value="">{required ? t('online.choose') : t('online.none')}</option>
      {!offered && <option value={value}>{labelOf(value)}</option>}
      {options.map((option) => (
        <option key={option.code} value={option.code}>
          {option.label}
        </option>
      ))}
    </TextField>
  );
}

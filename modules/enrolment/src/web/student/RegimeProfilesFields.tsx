import { Box, Checkbox, FormControlLabel, FormGroup, FormHelperText, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { NomenclatureSelect } from './NomenclatureSelect.tsx';
import { useNomenclatureOptions } from './nomenclature-options.ts';

const INITIAL_FIRST = ['FI'];

/**
 * The régime of the enrolment (initial education by default) and the
 * student's profiles, each a check box; a sentence says why they matter:
 * they may change the fees and the documents asked for.
 */
export function RegimeProfilesFields({
  idPrefix,
  regime,
  profiles,
  onRegime,
  onProfiles,
  regimeError,
  profilesError,
}: {
  idPrefix: string;
  regime: string;
  profiles: string[];
  onRegime: (regime: string) => void;
  onProfiles: (profiles: string[]) => void;
  regimeError?: string | undefined;
  profilesError?: string | undefined;
}) {
  const { t } = useTranslation('enrolment');
  const { options } = useNomenclatureOptions('PROFILE');
  const helpId = `${idPrefix}-profiles-help`;
  const errorId = `${idPrefix}-profiles-error`;
  return (
    <>
      <NomenclatureSelect
        nomenclature="REGIME"
        first={INITIAL_FIRST}
        id={`${idPrefix}-regime`}
        label={t('online.start.regime')}
        value={regime}
        onChange={onRegime}
        required
        error={regimeError}
        helperText={t('online.start.regimeHelp')}
      />
      <Box
        component="fieldset"
        id={`${idPrefix}-profiles`}
        tabIndex={-1}
        aria-describedby={profilesError ? `${helpId} ${errorId}` : helpId}
        sx={{ border: 0, p: 0, m: 0, minWidth: 0 }}
      >
        <Typography component="legend" sx={{ fontWeight: 600 }}>
          {t('online.start.profiles')}
        </Typography>
        <Typography id={helpId} variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t('online.start.profilesHelp')}
        </Typography>
        <FormGroup>
          {options.map((option) => (
            <FormControlLabel
              key={option.code}
              label={option.label}
              control={
                <Checkbox
                  checked={profiles.includes(option.code)}
                  onChange={(event) => onProfiles(event.target.checked ? [...profiles, option.code] : profiles.filter((profile) => profile !== option.code))}
                />
              }
            />
          ))}
        </FormGroup>
        {profilesError && (
          <FormHelperText id={errorId} error>
            {profilesError}
          </FormHelperText>
        )}
      </Box>
    </>
  );
}

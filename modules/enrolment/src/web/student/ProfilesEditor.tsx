import { useMemo, useState } from 'react';
import { Box, Button, Stack, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNomenclatureLabel } from '../common/lookups.ts';
import { ENROLMENT, type Enrolment } from '../enrolment-api.ts';
import { enrolmentVersion, keepEnrolment } from './cache.ts';
import { RegimeProfilesFields } from './RegimeProfilesFields.tsx';
import { updateMyEnrolment } from './self-service-api.ts';
import { StepForm } from './StepForm.tsx';
import { useFormErrors } from './useFormErrors.ts';

/**
 * The régime and profiles the fees and documents depend on, and, while the
 * enrolment is a draft, a form to change them: the fees and the documents
 * asked for are read again once saved.
 */
export function ProfilesEditor({ enrolment, editable }: { enrolment: Enrolment; editable: boolean }) {
  const { t } = useTranslation('enrolment');
  const client = useQueryClient();
  const regimeLabel = useNomenclatureLabel('REGIME');
  const profileLabel = useNomenclatureLabel('PROFILE');
  const [editing, setEditing] = useState(false);
  const [regime, setRegime] = useState(enrolment.regime);
  const [profiles, setProfiles] = useState<string[]>(enrolment.profiles);
  const inputs = useMemo(
    () => ({
      '/regime': { id: 'fees-regime', label: t('online.start.regime') },
      '/profiles': { id: 'fees-profiles', label: t('online.start.profiles') },
    }),
    [t],
  );
  const form = useFormErrors(inputs);
  const profileError = form.messageOf('/profiles') ?? profiles.map((_, index) => form.messageOf(`/profiles/${index}`)).find(Boolean);

  const save = () =>
    void form
      .submit(
        (): Record<string, string> => (regime === '' ? { '/regime': 'online.messages.required' } : {}),
        () => [
          updateMyEnrolment(enrolment.id, { regime, profiles }, enrolmentVersion(client, enrolment)).then(async (saved) => {
            keepEnrolment(client, saved);
            await client.invalidateQueries({ queryKey: [ENROLMENT] });
          }),
        ],
      )
      .then((done) => done && setEditing(false));

  const current = enrolment.profiles.length === 0 ? t('online.fees.noProfile') : enrolment.profiles.map(profileLabel).join(', ');
  return (
    <Box sx={{ mb: 2 }} data-testid="profiles">
      <Typography>
        {t('online.fees.regimeIs', { regime: regimeLabel(enrolment.regime) })} {t('online.fees.profilesAre', { profiles: current })}
      </Typography>
      {editable && !editing && (
        <Button variant="text" onClick={() => setEditing(true)} sx={{ px: 0 }}>
          {t('online.fees.changeProfiles')}
        </Button>
      )}
      {editable && editing && (
        <Box sx={{ mt: 2, p: 2, border: 1, borderColor: 'divider', borderRadius: 1 }}>
          <StepForm
            label={t('online.fees.changeProfiles')}
            submitLabel={t('form.save', { ns: 'translation' })}
            summary={form.summary}
            unplaced={form.unplaced}
            saving={form.saving}
            onSubmit={save}
          >
            <Stack spacing={2}>
              <RegimeProfilesFields
                idPrefix="fees"
                regime={regime}
                profiles={profiles}
                onRegime={setRegime}
                onProfiles={setProfiles}
                regimeError={form.messageOf('/regime')}
                profilesError={profileError}
              />
            </Stack>
          </StepForm>
          <Button variant="text" onClick={() => setEditing(false)} sx={{ mt: 1, px: 0 }}>
            {t('form.cancel', { ns: 'translation' })}
          </Button>
        </Box>
      )}
    </Box>
  );
}

import { Box, Link, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import { PageHeading } from '@pegase/web-kit';
import { CURRICULUM, createObject } from '../curriculum-api.ts';
import { CurriculumProblem } from '../common/CurriculumProblem.tsx';
import { NewObjectForm } from '../common/NewObjectForm.tsx';
import { usePeriodChoice } from '../common/periods.ts';
import { creationOf } from '../maquette/object-draft.ts';

/** Creates a formation in an academic year, then opens its maquette to build it. */
export default function NewFormationPage() {
  const { t } = useTranslation('curriculum');
  const navigate = useNavigate();
  const client = useQueryClient();
  const { years, period } = usePeriodChoice();
  const back = period ? `/curriculum?period=${period.id}` : '/curriculum';

  return (
    <Box>
      <Link component={RouterLink} to={back} sx={{ display: 'inline-block', mb: 1 }}>
        {t('formations.back')}
      </Link>
      <PageHeading>{t('formations.createTitle')}</PageHeading>
      {years.error && <CurriculumProblem error={years.error} />}
      {period && (
        <>
          <Typography sx={{ mb: 2 }} data-testid="new-formation-period">
            {t('formations.createIn', { period: period.code })}
          </Typography>
          <NewObjectForm
            idPrefix="formation"
            label={t('formations.createTitle')}
            withOwner
            submitLabel={t('maquette.create')}
            onCancel={() => void navigate(back)}
            onSubmit={async (draft, owner) => {
              const created = await createObject(creationOf({ ...draft, type: 'formation' }, { periodId: period.id, ownerStructureId: owner?.id ?? null }));
              await client.invalidateQueries({ queryKey: [CURRICULUM] });
              await client.invalidateQueries({ queryKey: ['curriculum-formations'] });
              void navigate(`/curriculum/objects/${created.id}`, { state: { notice: 'formationCreated' } });
            }}
          />
        </>
      )}
    </Box>
  );
}

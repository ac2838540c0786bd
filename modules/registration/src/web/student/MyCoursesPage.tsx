import { Alert, Box, Card, CardContent, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { labelIn, PageHeading } from '@pegase/web-kit';
import { pointOf, domId } from '../common/choices.ts';
import { CursusSections } from '../common/CursusSections.tsx';
import { courseName } from '../common/EntryStatus.tsx';
import { usePeriod } from '../common/lookups.ts';
import { RegistrationProblem } from '../common/RegistrationProblem.tsx';
import { cursusKeys, myCursus, type Cursus } from '../registration-api.ts';

function MyCursus({ cursus }: { cursus: Cursus }) {
  const { t, i18n } = useTranslation('registration');
  const client = useQueryClient();
  const period = usePeriod(cursus.periodId);
  const point = pointOf(cursus.entries);
  const year = period.data ? labelIn(i18n.language, period.data.labels) : '…';
  const headingId = domId(cursus.enrolmentId, 'heading');
  return (
    <Card variant="outlined" component="section" aria-labelledby={headingId} sx={{ mb: 3 }} data-testid="cursus" data-enrolment={cursus.enrolmentId}>
      <CardContent sx={{ px: { xs: 1.5, sm: 2 } }}>
        <Typography component="h2" variant="h5" id={headingId} sx={{ mb: 2, overflowWrap: 'anywhere' }}>
          {point ? t('mine.cursusOf', { point: courseName(point, i18n.language), period: year }) : year}
        </Typography>
        <CursusSections
          cursus={cursus}
          chooser="self"
          level={3}
          onSaved={(next) =>
            client.setQueryData<Cursus[]>(cursusKeys.mine, (list) => list?.map((item) => (item.enrolmentId === next.enrolmentId ? next : item)))
          }
          onStale={() => void client.invalidateQueries({ queryKey: cursusKeys.mine })}
        />
      </CardContent>
    </Card>
  );
}

/**
 * « Mes choix de cours »: for each of the student's validated enrolments,
 * when they may choose, the seats offered to them, a form per grouping and
 * their cursus as a tree. One column on a phone.
 */
export default function MyCoursesPage() {
  const { t } = useTranslation('registration');
  const mine = useQuery({ queryKey: cursusKeys.mine, queryFn: myCursus });
  return (
    <Box sx={{ maxWidth: 960 }}>
      <PageHeading>{t('mine.title')}</PageHeading>
      <Typography sx={{ mb: 2 }}>{t('mine.intro')}</Typography>
      {mine.error && <RegistrationProblem error={mine.error} />}
      {!mine.data && !mine.error && <Typography role="status">{t('loading')}</Typography>}
      {mine.data?.length === 0 && (
        <Alert severity="info" data-testid="no-cursus">
          {t('mine.none')}
        </Alert>
      )}
      {mine.data?.map((cursus) => (
        <MyCursus key={cursus.enrolmentId} cursus={cursus} />
      ))}
    </Box>
  );
}

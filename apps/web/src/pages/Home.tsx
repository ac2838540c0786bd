import { Alert, Box, Card, CardContent, Grid, Skeleton, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, dataOf } from '../api/client.ts';
import { ProblemAlert } from '../api/ProblemAlert.tsx';
import { isStaff, useSession } from '../auth/auth.tsx';
import { formatDate, formatNumber } from '../i18n/index.ts';

const LIMIT = 200;

/** A count from the first page of a list: exact when the list fits in it, a lower bound otherwise. */
interface Count {
  count: number;
  more: boolean;
}

function useCounts() {
  return useQuery({
    queryKey: ['home-counts'],
    queryFn: async () => {
      const [structures, years, nomenclatures] = await Promise.all([
        api.GET('/api/referential/v1/structures', { params: { query: { limit: LIMIT, sort: 'code' } } }).then(dataOf),
        api.GET('/api/referential/v1/periods', { params: { query: { limit: LIMIT, sort: 'startDate', type: 'academic-year' } } }).then(dataOf),
        api.GET('/api/referential/v1/nomenclatures', { params: { query: { limit: LIMIT, sort: 'code' } } }).then(dataOf),
      ]);
      const count = (page: { items: unknown[]; nextCursor: string | null }): Count => ({ count: page.items.length, more: page.nextCursor !== null });
      return { structures: count(structures), academicYears: count(years), nomenclatures: count(nomenclatures) };
    },
  });
}

function Figure({ label, value }: { label: string; value: Count | undefined }) {
  const { t, i18n } = useTranslation();
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardContent>
        <Typography component="h2" variant="h6">
          {label}
        </Typography>
        {value === undefined ? (
          <Skeleton width={80} height={56} />
        ) : (
          <Typography component="p" variant="h3" data-testid="figure">
            {formatNumber(value.count, i18n.language)}
          </Typography>
        )}
        {value?.more && (
          <Typography variant="body2" color="text.secondary">
            {t('home.atLeast', { count: value.count, limit: LIMIT })}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}

function StaffHome() {
  const { t } = useTranslation();
  const counts = useCounts();
  return (
    <>
      <Typography variant="body1" color="text.secondary" sx={{ mb: 2 }}>
        {t('home.staffIntro')}
      </Typography>
      {counts.error && <ProblemAlert error={counts.error} />}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, sm: 4 }}>
          <Figure label={t('home.structures')} value={counts.data?.structures} />
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <Figure label={t('home.academicYears')} value={counts.data?.academicYears} />
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <Figure label={t('home.nomenclatures')} value={counts.data?.nomenclatures} />
        </Grid>
      </Grid>
    </>
  );
}

const STUDENT_SERVICES = ['myEnrolment', 'myChoices', 'myResults', 'myDocuments'] as const;

function StudentHome() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  return (
    <>
      <Card variant="outlined" sx={{ mb: 2 }}>
        <CardContent>
          <Typography component="h2" variant="h5">
            {t('home.welcome', { name: session.name })}
          </Typography>
          <Typography data-testid="learner-code">
            {session.learnerCode ? t('home.learnerCode', { code: session.learnerCode }) : t('home.noLearnerCode')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t('home.today', { date: formatDate(new Date().toISOString(), i18n.language) })}
          </Typography>
        </CardContent>
      </Card>
      <Grid container spacing={2}>
        {STUDENT_SERVICES.map((service) => (
          <Grid key={service} size={{ xs: 12, sm: 6 }}>
            <Card variant="outlined" sx={{ height: '100%' }}>
              <CardContent>
                <Typography component="h2" variant="h6">
                  {t(`home.${service}`)}
                </Typography>
                <Typography sx={{ fontWeight: 600 }}>{t('home.comingSoon')}</Typography>
                <Typography variant="body2" color="text.secondary">
                  {t('home.comingSoonDetail')}
                </Typography>
              </CardContent>
            </Card>
          </Grid>
        ))}
      </Grid>
    </>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  const student = session.roles.includes('student');
  return (
    <Box>
      <Typography component="h1" variant="h4" sx={{ mb: 2 }}>
        {t('home.title')}
      </Typography>
      {isStaff(session) ? <StaffHome /> : student ? <StudentHome /> : <Alert severity="info">{t('home.noRole')}</Alert>}
    </Box>
  );
}

import { Card, CardContent, Link, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { keys, myResults } from '../assessment-api.ts';
import { AssessmentProblem } from '../common/AssessmentProblem.tsx';

/** The student's home card: how many results are published, and the way to them. */
export default function MyResultsCard() {
  const { t } = useTranslation('assessment');
  const results = useQuery({ queryKey: keys.mine, queryFn: myResults });
  const count = results.data?.length ?? 0;
  return (
    <Card variant="outlined" sx={{ height: '100%' }} data-testid="my-results-card">
      <CardContent>
        <Typography component="h2" variant="h6">
          {t('mine.title')}
        </Typography>
        {results.error && <AssessmentProblem error={results.error} />}
        {results.data && <Typography>{count === 0 ? t('mine.cardNone') : t('mine.cardSome', { count })}</Typography>}
        <Link component={RouterLink} to="/my-results" sx={{ display: 'inline-block', mt: 1, fontWeight: 600 }}>
          {t('mine.cardLink')}
        </Link>
      </CardContent>
    </Card>
  );
}

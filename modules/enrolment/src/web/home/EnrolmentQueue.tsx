import { Button, Card, CardActions, CardContent, Skeleton, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { formatNumber } from '@pegase/web-kit';
import { EnrolmentProblem } from '../common/EnrolmentProblem.tsx';
import { ENROLMENT, listEnrolments } from '../enrolment-api.ts';

const LIMIT = 200;

/**
 * A work queue of the staff home: the submitted enrolments waiting to be
 * checked at the points of the person's structures (the API keeps to their
 * scope; admins see the whole establishment's). Counted on the first page.
 */
export default function EnrolmentQueue() {
  const { t, i18n } = useTranslation('enrolment');
  const queue = useQuery({
    queryKey: [ENROLMENT, 'queue-submitted'],
    queryFn: async () => {
      const page = await listEnrolments({ status: 'submitted', limit: LIMIT, sort: 'createdAt' });
      return { count: page.items.length, more: page.nextCursor !== null };
    },
  });
  return (
    <Card variant="outlined" sx={{ height: '100%' }} data-testid="enrolment-queue">
      <CardContent>
        <Typography component="h3" variant="h6">
          {t('home.queueTitle')}
        </Typography>
        {queue.error && <EnrolmentProblem error={queue.error} />}
        {queue.data ? (
          <Typography component="p" variant="h3" data-testid="enrolment-queue-count">
            {formatNumber(queue.data.count, i18n.language)}
            {queue.data.more ? '+' : ''}
          </Typography>
        ) : (
          <Skeleton width={80} height={56} />
        )}
        <Typography variant="body2" color="text.secondary">
          {queue.data?.more ? t('home.atLeast', { count: queue.data.count, limit: LIMIT }) : t('home.queueDetail')}
        </Typography>
      </CardContent>
      <CardActions>
        <Button component={RouterLink} to="/enrolments?status=submitted" disabled={!queue.data || queue.data.count === 0}>
          {t('home.open')}
        </Button>
      </CardActions>
    </Card>
  );
}

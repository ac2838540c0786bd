import { Button, Card, CardActions, CardContent, Skeleton, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { formatNumber, ProblemAlert, useSession } from '@pegase/web-kit';
import { listStructures } from '../structures/structure-api.ts';

const LIMIT = 200;

/**
 * A work queue of the staff home: the open structures, among those the person
 * manages, that still have no English label (transcripts and diploma
 * supplements print it). Admins see the whole establishment's.
 */
export default function EnglishLabelQueue() {
  const { t, i18n } = useTranslation('referential');
  const session = useSession();
  const everywhere = session.roles.includes('admin');
  const queue = useQuery({
    queryKey: ['queue-english-label', everywhere, session.structures],
    queryFn: async () => {
      // The staff scope is given by codes; the API filters a subtree by id.
      const roots = everywhere
        ? [undefined]
        : (
            await Promise.all(
              session.structures.map(async (code) => (await listStructures({ q: code, limit: 50, sort: 'code' })).items.find((s) => s.code === code)?.id),
            )
          ).filter((id): id is string => id !== undefined);
      const pages = await Promise.all(
        roots.map((within) => listStructures({ limit: LIMIT, sort: 'code', open: true, englishLabel: false, ...(within ? { within } : {}) })),
      );
      return { count: pages.reduce((sum, page) => sum + page.items.length, 0), more: pages.some((page) => page.nextCursor !== null), first: roots[0] };
    },
  });
  const link = `/structures?englishLabel=false${queue.data?.first ? `&within=${queue.data.first}` : ''}`;
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardContent>
        <Typography component="h3" variant="h6">
          {t('queues.englishLabel')}
        </Typography>
        {queue.error && <ProblemAlert error={queue.error} />}
        {queue.data ? (
          <Typography component="p" variant="h3" data-testid="queue-count">
            {formatNumber(queue.data.count, i18n.language)}
            {queue.data.more ? '+' : ''}
          </Typography>
        ) : (
          <Skeleton width={80} height={56} />
        )}
        <Typography variant="body2" color="text.secondary">
          {t('queues.englishLabelDetail')}
        </Typography>
      </CardContent>
      <CardActions>
        <Button component={RouterLink} to={link} disabled={!queue.data || queue.data.count === 0}>
          {t('queues.open')}
        </Button>
      </CardActions>
    </Card>
  );
}

import { Card, CardContent, Link, List, ListItem, Skeleton, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { labelIn } from '@pegase/web-kit';
import { groupingsToChoose, pointOf, windowState } from '../common/choices.ts';
import { formatWhen } from '../common/dates.ts';
import { courseName } from '../common/EntryStatus.tsx';
import { usePeriod } from '../common/lookups.ts';
import { RegistrationProblem } from '../common/RegistrationProblem.tsx';
import { cursusKeys, myCursus, type Cursus } from '../registration-api.ts';

function CursusItem({ cursus }: { cursus: Cursus }) {
  const { t, i18n } = useTranslation('registration');
  const period = usePeriod(cursus.periodId);
  const point = pointOf(cursus.entries);
  const year = period.data ? labelIn(i18n.language, period.data.labels) : '…';
  const state = windowState(cursus.window);
  const toChoose = groupingsToChoose(cursus.groupings).length;
  const offered = cursus.entries.some((entry) => entry.status === 'offered');
  const windowText =
    state === 'unset'
      ? t('home.windowUnset')
      : state === 'upcoming'
        ? t('home.windowUpcoming', { date: formatWhen(cursus.window!.opensAt, i18n.language) })
        : state === 'open'
          ? t('home.windowOpen', { date: formatWhen(cursus.window!.closesAt, i18n.language) })
          : t('home.windowClosed');
  return (
    <ListItem disableGutters sx={{ display: 'block', borderTop: 1, borderColor: 'divider', py: 1.5 }} data-testid="my-cursus">
      <Typography sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
        {point ? t('mine.cursusOf', { point: courseName(point, i18n.language), period: year }) : year}
      </Typography>
      <Typography variant="body2">{windowText}</Typography>
      <Typography variant="body2">
        {cursus.groupings.length === 0 ? t('home.noChoice') : toChoose > 0 ? t('home.toChoose', { count: toChoose }) : t('home.allChosen')}
      </Typography>
      {offered && (
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {t('home.offered')}
        </Typography>
      )}
    </ListItem>
  );
}

/** The student's service on their home: for each validated enrolment, when they choose, what is left to choose, a seat offered; the way to the page. */
export default function MyCoursesCard() {
  const { t } = useTranslation('registration');
  const mine = useQuery({ queryKey: cursusKeys.mine, queryFn: myCursus });
  const open = mine.data?.some((cursus) => windowState(cursus.window) === 'open' || cursus.entries.some((entry) => entry.status === 'offered'));
  return (
    <Card variant="outlined" sx={{ height: '100%' }} data-testid="my-courses">
      <CardContent>
        <Typography component="h2" variant="h6">
          {t('home.title')}
        </Typography>
        {mine.error && <RegistrationProblem error={mine.error} />}
        {!mine.data && !mine.error && <Skeleton height={64} />}
        {mine.data?.length === 0 && <Typography>{t('home.none')}</Typography>}
        {mine.data && mine.data.length > 0 && (
          <List aria-label={t('home.list')} disablePadding>
            {mine.data.map((cursus) => (
              <CursusItem key={cursus.enrolmentId} cursus={cursus} />
            ))}
          </List>
        )}
        <Link component={RouterLink} to="/my-courses" sx={{ display: 'inline-block', mt: 1, fontWeight: 600 }}>
          {open ? t('home.open') : t('home.view')}
        </Link>
      </CardContent>
    </Card>
  );
}

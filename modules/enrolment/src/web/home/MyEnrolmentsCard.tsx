import { Card, CardContent, Link, List, ListItem, Skeleton, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { labelIn } from '@pegase/web-kit';
import { EnrolmentStatusChip, PaymentChip } from '../common/chips.tsx';
import { EnrolmentProblem } from '../common/EnrolmentProblem.tsx';
import { usePeriod } from '../common/lookups.ts';
import { ENROLMENT, myEnrolments, type Enrolment } from '../enrolment-api.ts';

function MyEnrolmentItem({ enrolment }: { enrolment: Enrolment }) {
  const { t, i18n } = useTranslation('enrolment');
  const period = usePeriod(enrolment.periodId);
  const year = period.data ? labelIn(i18n.language, period.data.labels) : '…';
  return (
    <ListItem disableGutters sx={{ display: 'block', borderTop: 1, borderColor: 'divider', py: 1.5 }} data-testid="my-enrolment">
      <Typography sx={{ fontWeight: 600 }}>{t('home.enrolmentOf', { kind: t(`kind.${enrolment.kind}`), period: year })}</Typography>
      <Stack direction="row" spacing={1} sx={{ my: 1, flexWrap: 'wrap', gap: 1, '& > *': { m: '0 !important' } }}>
        <EnrolmentStatusChip status={enrolment.status} />
        <PaymentChip status={enrolment.paymentStatus} />
      </Stack>
      <Link component={RouterLink} to={`/my-enrolment/${enrolment.id}`} aria-label={t('home.documentsOf', { kind: t(`kind.${enrolment.kind}`), period: year })}>
        {t('home.documents')}
      </Link>
    </ListItem>
  );
}

/** The student's service: their enrolments, with their status and the documents each one asks for. */
export default function MyEnrolmentsCard() {
  const { t } = useTranslation('enrolment');
  const mine = useQuery({ queryKey: [ENROLMENT, 'mine'], queryFn: myEnrolments });
  return (
    <Card variant="outlined" sx={{ height: '100%' }} data-testid="my-enrolments">
      <CardContent>
        <Typography component="h2" variant="h6">
          {t('home.myEnrolment')}
        </Typography>
        {mine.error && <EnrolmentProblem error={mine.error} />}
        {!mine.data && !mine.error && <Skeleton height={64} />}
        {mine.data?.length === 0 && <Typography>{t('home.noEnrolment')}</Typography>}
        {mine.data && mine.data.length > 0 && (
          <List aria-label={t('home.myEnrolmentsList')} disablePadding>
            {mine.data.map((enrolment) => (
              <MyEnrolmentItem key={enrolment.id} enrolment={enrolment} />
            ))}
          </List>
        )}
      </CardContent>
    </Card>
  );
}

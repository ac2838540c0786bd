import { Box, Card, CardContent, Link, List, ListItem, Skeleton, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { labelIn } from '@pegase/web-kit';
import { EnrolmentStatusChip, PaymentChip } from '../common/chips.tsx';
import { EnrolmentProblem } from '../common/EnrolmentProblem.tsx';
import { usePeriod } from '../common/lookups.ts';
import { ENROLMENT, myEnrolments, type Enrolment } from '../enrolment-api.ts';
import { useAdmissionName } from '../student/admission-name.ts';
import { useMyPointLabel } from '../student/my-points.ts';
import { myAdmissions, type Admission } from '../student/self-service-api.ts';

const linkRow = { display: 'flex', flexWrap: 'wrap', columnGap: 2, rowGap: 0.5 } as const;

function AdmissionItem({ admission }: { admission: Admission }) {
  const { t } = useTranslation('enrolment');
  const name = useAdmissionName(admission);
  return (
    <ListItem disableGutters sx={{ display: 'block', borderTop: 1, borderColor: 'divider', py: 1.5 }} data-testid="my-admission">
      <Typography sx={{ fontWeight: 600 }}>{t('home.admission', { admission: name })}</Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {t('home.admissionWaiting')}
      </Typography>
      <Link component={RouterLink} to="/my-enrolment" aria-label={t('home.startOf', { admission: name })}>
        {t('home.start')}
      </Link>
    </ListItem>
  );
}

function MyEnrolmentItem({ enrolment }: { enrolment: Enrolment }) {
  const { t, i18n } = useTranslation('enrolment');
  const period = usePeriod(enrolment.periodId);
  const year = period.data ? labelIn(i18n.language, period.data.labels) : '…';
  const kind = t(`kind.${enrolment.kind}`);
  const point = useMyPointLabel()(enrolment.pointId);
  const draft = enrolment.status === 'draft';
  return (
    <ListItem disableGutters sx={{ display: 'block', borderTop: 1, borderColor: 'divider', py: 1.5 }} data-testid="my-enrolment">
      <Typography sx={{ fontWeight: 600 }}>{t('home.enrolmentOf', { kind, period: year })}</Typography>
      {point !== undefined && <Typography>{point}</Typography>}
      <Stack direction="row" spacing={1} sx={{ my: 1, flexWrap: 'wrap', gap: 1, '& > *': { m: '0 !important' } }}>
        <EnrolmentStatusChip status={enrolment.status} />
        <PaymentChip status={enrolment.paymentStatus} />
      </Stack>
      <Box sx={linkRow}>
        <Link
          component={RouterLink}
          to={`/my-enrolment/${enrolment.id}`}
          aria-label={t(draft ? 'home.continueOf' : 'home.viewOf', { kind, period: year })}
          sx={{ fontWeight: 600 }}
        >
          {t(draft ? 'home.continue' : 'home.view')}
        </Link>
        <Link component={RouterLink} to={`/my-enrolment/${enrolment.id}?step=documents`} aria-label={t('home.documentsOf', { kind, period: year })}>
          {t('home.documents')}
        </Link>
      </Box>
    </ListItem>
  );
}

/**
 * The student's service: the admissions waiting for them (« Commencer »),
 * their enrolments with their status (« Continuer » a draft, see the others,
 * or go straight to the documents), and the way in for an invitation code.
 */
export default function MyEnrolmentsCard() {
  const { t } = useTranslation('enrolment');
  const mine = useQuery({ queryKey: [ENROLMENT, 'mine'], queryFn: myEnrolments });
  const admissions = useQuery({ queryKey: [ENROLMENT, 'my-admissions'], queryFn: myAdmissions });
  const waiting = admissions.data?.filter((admission) => admission.status === 'invited') ?? [];
  const loaded = mine.data !== undefined && admissions.data !== undefined;
  return (
    <Card variant="outlined" sx={{ height: '100%' }} data-testid="my-enrolments">
      <CardContent>
        <Typography component="h2" variant="h6">
          {t('home.myEnrolment')}
        </Typography>
        {mine.error && <EnrolmentProblem error={mine.error} />}
        {admissions.error && <EnrolmentProblem error={admissions.error} />}
        {!loaded && !mine.error && !admissions.error && <Skeleton height={64} />}
        {loaded && mine.data.length === 0 && waiting.length === 0 && <Typography>{t('home.noEnrolment')}</Typography>}
        {loaded && (mine.data.length > 0 || waiting.length > 0) && (
          <List aria-label={t('home.myEnrolmentsList')} disablePadding>
            {waiting.map((admission) => (
              <AdmissionItem key={admission.id} admission={admission} />
            ))}
            {mine.data.map((enrolment) => (
              <MyEnrolmentItem key={enrolment.id} enrolment={enrolment} />
            ))}
          </List>
        )}
        <Link component={RouterLink} to="/my-enrolment" sx={{ display: 'inline-block', mt: 1 }}>
          {t('home.haveCode')}
        </Link>
      </CardContent>
    </Card>
  );
}

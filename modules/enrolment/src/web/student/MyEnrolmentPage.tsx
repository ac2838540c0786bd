import { Alert, Box, Link, Stack, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { labelIn, PageHeading } from '@pegase/web-kit';
import { EnrolmentStatusChip, PaymentChip } from '../common/chips.tsx';
import { EnrolmentProblem } from '../common/EnrolmentProblem.tsx';
import { useNomenclatureLabel, usePeriod } from '../common/lookups.ts';
import { ENROLMENT, myDocuments, myEnrolments } from '../enrolment-api.ts';
import { DocumentUpload } from './DocumentUpload.tsx';

/**
 * A student's enrolment: its status and the documents it asks for, each
 * with its state, the reason of a rejection and a field to send the file.
 * Made for a phone first: one column, nothing wider than the screen.
 */
export default function MyEnrolmentPage() {
  const { t, i18n } = useTranslation('enrolment');
  const { id = '' } = useParams();
  const client = useQueryClient();
  const mine = useQuery({ queryKey: [ENROLMENT, 'mine'], queryFn: myEnrolments });
  const documents = useQuery({ queryKey: [ENROLMENT, 'my-documents', id], queryFn: () => myDocuments(id) });
  const enrolment = mine.data?.find((item) => item.id === id);
  const period = usePeriod(enrolment?.periodId);
  const typeLabel = useNomenclatureLabel('DOCUMENT-TYPE');
  const year = period.data ? labelIn(i18n.language, period.data.labels) : undefined;
  const title = year ? t('student.title', { period: year }) : t('student.titleShort');
  const open = enrolment?.status === 'draft' || enrolment?.status === 'submitted';

  const back = (
    <Link component={RouterLink} to="/" sx={{ display: 'inline-block', mb: 1 }}>
      {t('student.back')}
    </Link>
  );
  if (mine.isSuccess && enrolment === undefined) {
    return (
      <Box>
        {back}
        <PageHeading>{t('student.titleShort')}</PageHeading>
        <Alert severity="warning">{t('student.notFound')}</Alert>
      </Box>
    );
  }

  return (
    <Box sx={{ maxWidth: 760 }}>
      {back}
      <PageHeading title={title}>{title}</PageHeading>
      {mine.error && <EnrolmentProblem error={mine.error} />}
      {enrolment && (
        <>
          <Typography sx={{ fontWeight: 600 }}>{t(`kind.${enrolment.kind}`)}</Typography>
          <Stack direction="row" spacing={1} sx={{ my: 1, flexWrap: 'wrap', gap: 1, '& > *': { m: '0 !important' } }}>
            <EnrolmentStatusChip status={enrolment.status} />
            <PaymentChip status={enrolment.paymentStatus} />
          </Stack>
          {open ? (
            <Typography sx={{ mb: 2 }}>{t('student.intro')}</Typography>
          ) : (
            <Alert severity="info" sx={{ mb: 2 }}>
              {t(`student.closed.${enrolment.status as 'validated' | 'cancelled'}`)}
            </Alert>
          )}
        </>
      )}
      <Typography component="h2" variant="h5" sx={{ mb: 1 }}>
        {t('documents.title')}
      </Typography>
      {documents.error && <EnrolmentProblem error={documents.error} />}
      {!documents.data && !documents.error && <Typography role="status">{t('app.loading', { ns: 'translation' })}</Typography>}
      {documents.data?.length === 0 && <Typography>{t('documents.none')}</Typography>}
      <Stack spacing={2}>
        {documents.data?.map((document) => (
          <DocumentUpload
            key={document.documentType}
            enrolmentId={id}
            document={document}
            name={typeLabel(document.documentType)}
            open={open}
            onSent={() => client.invalidateQueries({ queryKey: [ENROLMENT] })}
          />
        ))}
      </Stack>
    </Box>
  );
}

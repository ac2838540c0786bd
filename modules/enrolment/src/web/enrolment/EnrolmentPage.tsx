import { useRef, useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Link, Stack, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { DetailList, formatDate, formatDateTime, HistoryTable, labelIn, PageHeading } from '@pegase/web-kit';
import { EnrolmentStatusChip, PaymentChip } from '../common/chips.tsx';
import { EnrolmentProblem } from '../common/EnrolmentProblem.tsx';
import { learnerName, readableEntry } from '../common/format.ts';
import { useLearner, useNomenclatureLabel, usePeriod, usePoint } from '../common/lookups.ts';
import {
  cancelEnrolment,
  ENROLMENT,
  enrolmentHistory,
  getEnrolment,
  listDocuments,
  newIdempotencyKey,
  setPaymentStatus,
  submitEnrolment,
  validateEnrolment,
} from '../enrolment-api.ts';
import { DocumentsSection } from './DocumentsSection.tsx';
import { ReasonDialog } from './ReasonDialog.tsx';

/**
 * One enrolment in the back office: the learner, the point and the
 * statuses; the documents to check; the decisions (submit a draft, validate,
 * waive the fees at the desk, cancel with a reason), each refused by the API
 * with its reason in the person's language; the history.
 */
export default function EnrolmentPage() {
  const { t, i18n } = useTranslation('enrolment');
  const { id = '' } = useParams();
  const client = useQueryClient();
  const enrolment = useQuery({ queryKey: [ENROLMENT, 'enrolment', id], queryFn: () => getEnrolment(id) });
  const documents = useQuery({ queryKey: [ENROLMENT, 'documents', id], queryFn: () => listDocuments(id) });
  const learner = useLearner(enrolment.data?.learnerId);
  const point = usePoint(enrolment.data?.pointId);
  const period = usePeriod(enrolment.data?.periodId);
  const regimeLabel = useNomenclatureLabel('REGIME');
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  // One key per submission: a retry after a lost answer is the same submission.
  const submitKey = useRef<string | null>(null);

  if (enrolment.error) {
    return (
      <Box>
        <PageHeading>{t('queue.title')}</PageHeading>
        <EnrolmentProblem error={enrolment.error} />
        <Link component={RouterLink} to="/enrolments">
          {t('enrolment.back')}
        </Link>
      </Box>
    );
  }
  if (!enrolment.data) return <Typography role="status">{t('app.loading', { ns: 'translation' })}</Typography>;
  const current = enrolment.data;
  const name = learner.data ? learnerName(learner.data) : '…';
  const none = t('enrolment.none');
  const date = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language) : none);
  const live = current.status === 'draft' || current.status === 'submitted';

  /** Runs a decision, refreshes what it touched and says what happened; a refusal is shown above the decisions. */
  const act = async (run: () => Promise<string>) => {
    setBusy(true);
    setNotice(null);
    setFailure(null);
    try {
      const message = await run();
      await client.invalidateQueries();
      setNotice(message);
    } catch (error) {
      setFailure(error);
      await client.invalidateQueries({ queryKey: [ENROLMENT] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box>
      <Link component={RouterLink} to="/enrolments" sx={{ display: 'inline-block', mb: 1 }}>
        {t('enrolment.back')}
      </Link>
      <PageHeading title={t('enrolment.title', { name })}>{t('enrolment.title', { name })}</PageHeading>

      <Stack direction={{ xs: 'column', md: 'row' }} spacing={3} sx={{ mb: 3, alignItems: 'stretch' }}>
        <Card variant="outlined" component="section" aria-labelledby="learner-title" sx={{ flex: 1, minWidth: 0 }}>
          <CardContent>
            <Typography component="h2" variant="h5" id="learner-title" sx={{ mb: 1 }}>
              {t('enrolment.learner')}
            </Typography>
            {learner.error ? (
              <EnrolmentProblem error={learner.error} />
            ) : (
              <DetailList
                items={[
                  { term: t('enrolment.learnerCode'), value: learner.data?.code ?? '…', testId: 'learner-code' },
                  { term: t('enrolment.familyName'), value: learner.data?.familyName ?? '…' },
                  { term: t('enrolment.usageName'), value: learner.data ? (learner.data.usageName ?? none) : '…' },
                  { term: t('enrolment.givenNames'), value: learner.data?.givenNames ?? '…' },
                  { term: t('enrolment.birthDate'), value: learner.data ? formatDate(learner.data.birthDate, i18n.language) : '…' },
                  { term: t('enrolment.ine'), value: learner.data ? (learner.data.ine ?? none) : '…' },
                  { term: t('enrolment.email'), value: learner.data ? (learner.data.email ?? none) : '…' },
                ]}
              />
            )}
          </CardContent>
        </Card>
        <Card variant="outlined" component="section" aria-labelledby="enrolment-title" sx={{ flex: 1, minWidth: 0 }}>
          <CardContent>
            <Typography component="h2" variant="h5" id="enrolment-title" sx={{ mb: 1 }}>
              {t('enrolment.enrolment')}
            </Typography>
            <DetailList
              items={[
                {
                  term: t('enrolment.point'),
                  value: point.data ? `${point.data.code} — ${labelIn(i18n.language, point.data.labels)}` : point.error ? t('queue.unknownPoint') : '…',
                  testId: 'point',
                },
                { term: t('enrolment.path'), value: point.data?.path ?? (point.error ? none : '…') },
                { term: t('enrolment.period'), value: period.data ? labelIn(i18n.language, period.data.labels) : '…' },
                { term: t('enrolment.kind'), value: t(`kind.${current.kind}`) },
                { term: t('enrolment.regime'), value: regimeLabel(current.regime) },
                { term: t('enrolment.status'), value: <EnrolmentStatusChip status={current.status} /> },
                { term: t('enrolment.payment'), value: <PaymentChip status={current.paymentStatus} /> },
                { term: t('enrolment.createdAt'), value: date(current.createdAt) },
                { term: t('enrolment.submittedAt'), value: date(current.submittedAt) },
                ...(current.validatedAt ? [{ term: t('enrolment.validatedAt'), value: date(current.validatedAt) }] : []),
                ...(current.cancelledAt
                  ? [
                      { term: t('enrolment.cancelledAt'), value: date(current.cancelledAt) },
                      { term: t('enrolment.cancelReason'), value: current.cancelReason ?? none },
                    ]
                  : []),
              ]}
            />
            {current.status === 'validated' && <Link component={RouterLink} to="cursus" children={t('staff.fromEnrolment', { ns: 'registration' })} />}
          </CardContent>
        </Card>
      </Stack>

      <Box aria-live="polite">
        {notice && (
          <Alert severity="success" onClose={() => setNotice(null)} sx={{ mb: 2 }} data-testid="notice" closeText={t('enrolment.close')}>
            {notice}
          </Alert>
        )}
      </Box>

      {documents.error ? (
        <EnrolmentProblem error={documents.error} />
      ) : (
        documents.data && <DocumentsSection enrolment={current} documents={documents.data} busy={busy} act={act} onFailure={setFailure} />
      )}

      <Box component="section" aria-labelledby="decision-title" sx={{ mb: 3 }} data-testid="decision">
        <Typography component="h2" variant="h5" id="decision-title" sx={{ mb: 1 }}>
          {t('enrolment.actions')}
        </Typography>
        {failure !== null && <EnrolmentProblem error={failure} />}
        {current.status !== 'cancelled' ? (
          <>
            {live ? (
              <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
                {current.status === 'draft' ? t('enrolment.submitHelp') : t('enrolment.validateHelp')}
              </Typography>
            ) : (
              <Alert severity="info" sx={{ mb: 2 }} data-testid="closed">
                {t('enrolment.closed.validated')}
              </Alert>
            )}
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ flexWrap: 'wrap', gap: 1, '& > *': { m: '0 !important' } }}>
              {current.status === 'draft' && (
                <Button
                  variant="contained"
                  disabled={busy}
                  onClick={() =>
                    void act(async () => {
                      submitKey.current ??= newIdempotencyKey();
                      await submitEnrolment(current, submitKey.current);
                      submitKey.current = null;
                      return t('enrolment.notices.submitted');
                    })
                  }
                >
                  {t('enrolment.submit')}
                </Button>
              )}
              {live && (
                <Button
                  variant="contained"
                  color="success"
                  disabled={busy}
                  onClick={() =>
                    void act(async () => {
                      await validateEnrolment(current);
                      return t('enrolment.notices.validated');
                    })
                  }
                >
                  {t('enrolment.validate')}
                </Button>
              )}
              {live && current.paymentStatus !== 'paid' && current.paymentStatus !== 'exempt' && (
                <Button
                  variant="outlined"
                  disabled={busy}
                  title={t('enrolment.exemptHelp')}
                  onClick={() =>
                    void act(async () => {
                      await setPaymentStatus(current, 'exempt');
                      return t('enrolment.notices.exempt');
                    })
                  }
                >
                  {t('enrolment.exempt')}
                </Button>
              )}
              <Button variant="outlined" color="error" disabled={busy} onClick={() => setCancelling(true)}>
                {t('enrolment.cancel')}
              </Button>
            </Stack>
          </>
        ) : (
          <Alert severity="info" data-testid="closed">
            {t('enrolment.closed.cancelled')}
          </Alert>
        )}
      </Box>
      <ReasonDialog
        open={cancelling}
        title={t('enrolment.cancelTitle', { name })}
        help={t('enrolment.cancelHelp')}
        confirm={t('enrolment.cancelConfirm')}
        onClose={() => setCancelling(false)}
        onConfirm={async (reason) => {
          await cancelEnrolment(current, reason);
          await act(async () => t('enrolment.notices.cancelled'));
        }}
      />

      <Box
        // On a phone the history fits the screen: its cells wrap rather than scroll sideways.
        sx={{
          '& .MuiTable-root': { tableLayout: { xs: 'fixed', md: 'auto' } },
          '& .MuiTableCell-root': { whiteSpace: { xs: 'normal', md: 'nowrap' }, overflowWrap: 'break-word', px: { xs: 0.75, md: 2 } },
          '& .MuiTableCell-root:last-of-type': { whiteSpace: 'normal' },
        }}
      >
        <HistoryTable
          queryKey={[ENROLMENT, current.id, current.version, i18n.language]}
          fieldLabel={(field) => t(`fields.${field}`, { defaultValue: field })}
          fetchPage={async (cursor) => {
            const page = await enrolmentHistory(current.id, cursor);
            const words = {
              status: (status: string) => t(`status.${status}`, { defaultValue: status }),
              payment: (status: string) => t(`payment.${status}`, { defaultValue: status }),
              kind: (kind: string) => t(`kind.${kind}`, { defaultValue: kind }),
              dateTime: (iso: string) => formatDateTime(iso, i18n.language),
              documentsChanged: t('history.documentsChanged'),
              none: t('history.none'),
            };
            return { ...page, items: page.items.map((entry) => readableEntry(entry, words)) };
          }}
        />
      </Box>
    </Box>
  );
}

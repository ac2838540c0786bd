import { useEffect, useRef, type ReactNode } from 'react';
import { Alert, Box, Link, Stack, Step, StepContent, StepLabel, Stepper, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams, useSearchParams } from 'react-router';
import { labelIn, PageHeading } from '@pegase/web-kit';
import { EnrolmentStatusChip, PaymentChip } from '../common/chips.tsx';
import { EnrolmentProblem } from '../common/EnrolmentProblem.tsx';
import { usePeriod } from '../common/lookups.ts';
import { useMyPointLabel } from './my-points.ts';
import { myDocuments, myEnrolments } from '../enrolment-api.ts';
import { BacStep } from './BacStep.tsx';
import { CertificateStep } from './CertificateStep.tsx';
import { ContactsStep } from './ContactsStep.tsx';
import { DocumentsStep } from './DocumentsStep.tsx';
import { FeesStep, type BankReturn } from './FeesStep.tsx';
import { IdentityStep } from './IdentityStep.tsx';
import { getMyRecord, myFees, selfKeys } from './self-service-api.ts';
import { isStep, resumeStep, stepState, STEPS, type EnrolmentFacts, type StepId } from './steps.ts';
import { SubmitStep } from './SubmitStep.tsx';

/** How long the page asks again for the enrolment while an event should change it (the bank's payment, the waiver at submission). */
const POLL_MS = 1_000;
const POLL_FOR_MS = 30_000;

const BANK_RETURNS = new Set(['paid', 'pending', 'failed']);

/**
 * A student's online enrolment as a guided flow: identity, contacts, bac
 * and last year, documents, fees and their payment, submission, and the
 * certificate. Each step has its address (`?step=`); without one, the page
 * opens the first step that still asks something (the student left and
 * comes back). Each form saves on « Enregistrer et continuer »; once the
 * enrolment is submitted, the forms become read-only and only a rejected
 * document may still be replaced. Made for a phone first: one column.
 */
export default function MyEnrolmentPage() {
  const { t, i18n } = useTranslation('enrolment');
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const requested = search.get('step');
  const step: StepId | undefined = isStep(requested) ? requested : undefined;
  const bankReturn = (BANK_RETURNS.has(search.get('status') ?? '') ? search.get('status') : undefined) as BankReturn;
  const opened = useRef(Date.now());

  const record = useQuery({ queryKey: selfKeys.record, queryFn: getMyRecord });
  const documents = useQuery({ queryKey: selfKeys.documents(id), queryFn: () => myDocuments(id) });
  const fees = useQuery({ queryKey: selfKeys.fees(id), queryFn: () => myFees(id), retry: false });
  const mine = useQuery({
    queryKey: selfKeys.enrolments,
    queryFn: myEnrolments,
    // The payment and the waiver reach the enrolment through events: ask again for a while.
    refetchInterval: (query) => {
      const current = query.state.data?.find((item) => item.id === id);
      if (current === undefined || Date.now() - opened.current > POLL_FOR_MS) return false;
      const paying = bankReturn === 'paid' && current.paymentStatus !== 'paid';
      const waiving = current.status === 'submitted' && fees.data?.exempt === true && current.paymentStatus !== 'exempt';
      return paying || waiving ? POLL_MS : false;
    },
  });
  const enrolment = mine.data?.find((item) => item.id === id);
  const pointLabel = useMyPointLabel();
  const period = usePeriod(enrolment?.periodId);
  const year = period.data ? labelIn(i18n.language, period.data.labels) : undefined;
  const title = year ? t('student.title', { period: year }) : t('student.titleShort');
  const startYear = period.data ? Number(period.data.startDate.slice(0, 4)) : undefined;

  const facts: EnrolmentFacts | undefined =
    enrolment && record.data && documents.data
      ? {
          status: enrolment.status,
          paymentStatus: enrolment.paymentStatus,
          previousSituation: enrolment.previousSituation,
          record: record.data,
          documents: documents.data,
          nothingToPay: fees.data?.exempt,
        }
      : undefined;

  // Coming back without a step: open the first one that asks something (once the fees are known, or known not to be).
  useEffect(() => {
    if (step === undefined && facts !== undefined && !fees.isPending) void navigate({ search: `?step=${resumeStep(facts)}` }, { replace: true });
  }, [step, facts, fees.isPending, navigate]);

  // Moving to another step puts the focus on its title, which the screen reader reads.
  const shown = useRef<StepId | undefined>(undefined);
  useEffect(() => {
    if (shown.current !== undefined && step !== undefined && shown.current !== step) document.getElementById(`step-${step}`)?.focus();
    shown.current = step;
  }, [step]);

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

  const goTo = (next: StepId) => void navigate({ search: `?step=${next}` });
  const draft = enrolment?.status === 'draft';
  const loading = <Typography role="status">{t('app.loading', { ns: 'translation' })}</Typography>;
  const content = (id: StepId): ReactNode => {
    if (enrolment === undefined) return loading;
    switch (id) {
      case 'identity':
        return record.data ? <IdentityStep record={record.data} editable={draft} onDone={() => goTo('contacts')} /> : loading;
      case 'contacts':
        return record.data ? <ContactsStep record={record.data} editable={draft} onDone={() => goTo('bac')} /> : loading;
      case 'bac':
        return record.data ? (
          <BacStep record={record.data} enrolment={enrolment} startYear={startYear} editable={draft} onDone={() => goTo('documents')} />
        ) : (
          loading
        );
      case 'documents':
        return (
          <DocumentsStep enrolmentId={enrolment.id} open={draft || enrolment.status === 'submitted'} onContinue={draft ? () => goTo('fees') : undefined} />
        );
      case 'fees':
        return (
          <FeesStep
            enrolment={enrolment}
            bankReturn={bankReturn}
            onContinue={draft || enrolment.status === 'submitted' ? () => goTo(draft ? 'submit' : 'certificate') : undefined}
          />
        );
      case 'submit':
        return <SubmitStep enrolment={enrolment} onSubmitted={() => goTo('certificate')} />;
      case 'certificate':
        return <CertificateStep enrolment={enrolment} />;
    }
  };

  return (
    <Box sx={{ maxWidth: 760 }}>
      {back}
      <PageHeading title={title}>{title}</PageHeading>
      {mine.error && <EnrolmentProblem error={mine.error} />}
      {record.error && <EnrolmentProblem error={record.error} />}
      {documents.error && <EnrolmentProblem error={documents.error} />}
      {enrolment && (
        <Box sx={{ mb: 2 }} data-testid="enrolment-summary">
          <Typography sx={{ fontWeight: 600 }} data-testid="enrolment-point">
            {pointLabel(enrolment.pointId) ?? t(`kind.${enrolment.kind}`)}
          </Typography>
          <Stack direction="row" spacing={1} sx={{ my: 1, flexWrap: 'wrap', gap: 1, '& > *': { m: '0 !important' } }}>
            <EnrolmentStatusChip status={enrolment.status} />
            <PaymentChip status={enrolment.paymentStatus} />
          </Stack>
          {enrolment.status === 'validated' || enrolment.status === 'cancelled' ? (
            <Alert severity="info">{t(`student.closed.${enrolment.status}`)}</Alert>
          ) : (
            <Typography>{t(`online.status.${enrolment.status}`)}</Typography>
          )}
        </Box>
      )}
      {step === undefined && !mine.error && !record.error && !documents.error && loading}
      {step !== undefined && (
        <Stepper orientation="vertical" nonLinear activeStep={STEPS.indexOf(step)} aria-label={t('online.stepsLabel')}>
          {STEPS.map((item) => {
            const state = facts ? stepState(item, facts) : undefined;
            return (
              <Step key={item} completed={state === 'done'} data-testid={`step-${item}`}>
                <StepLabel
                  error={state === 'fix'}
                  optional={
                    state && (
                      <Typography variant="caption" component="span" sx={{ display: 'block' }} data-testid="step-state">
                        {t(`online.state.${state}`)}
                      </Typography>
                    )
                  }
                >
                  <Box component="span" role="heading" aria-level={2} sx={{ fontSize: '1.1rem', fontWeight: item === step ? 700 : 500 }}>
                    <Link id={`step-${item}`} component={RouterLink} to={`?step=${item}`} aria-current={item === step ? 'step' : undefined}>
                      {t(`online.steps.${item}`)}
                    </Link>
                  </Box>
                </StepLabel>
                <StepContent slotProps={{ transition: { unmountOnExit: true } }} sx={{ pr: 0, pl: { xs: 1.5, sm: 2.5 }, ml: 1.5 }}>
                  <Box sx={{ pt: 1, pb: 2 }}>{content(item)}</Box>
                </StepContent>
              </Step>
            );
          })}
        </Stepper>
      )}
    </Box>
  );
}

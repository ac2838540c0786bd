import { useState } from 'react';
import { Alert, Box, Button, FormControlLabel, Radio, RadioGroup, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@pegase/web-kit';
import { EnrolmentProblem } from '../common/EnrolmentProblem.tsx';
import type { Enrolment } from '../enrolment-api.ts';
import { FeesTable } from './FeesTable.tsx';
import { formatCents } from './money.ts';
import { ProfilesEditor } from './ProfilesEditor.tsx';
import { myFees, myPayments, selfKeys, startMyPayment, type Payment } from './self-service-api.ts';

/** What the bank said when it sent the browser back (`?payment=…&status=…`). */
export type BankReturn = 'paid' | 'pending' | 'failed' | undefined;

function PaymentSchedule({ payment }: { payment: Payment }) {
  const { t, i18n } = useTranslation('enrolment');
  return (
    <Box component="ul" sx={{ pl: 2.5, my: 1 }} aria-label={t('online.fees.schedule')} data-testid="payment-schedule">
      {payment.instalments.map((instalment) => (
        <li key={instalment.number}>
          {t('online.fees.instalment', {
            number: instalment.number,
            date: formatDate(instalment.dueDate, i18n.language),
            amount: formatCents(instalment.amountCents, i18n.language),
            status: t(`online.fees.instalmentStatus.${instalment.status}`),
          })}
        </li>
      ))}
    </Box>
  );
}

/**
 * The fees with their breakdown, and their payment: at once or in three
 * instalments, on the provider's page, which sends the browser back here.
 * Once paid (the enrolment learns it through an event, a moment later), the
 * schedule; when the fees come to nothing, a word that they are waived.
 */
export function FeesStep({ enrolment, bankReturn, onContinue }: { enrolment: Enrolment; bankReturn: BankReturn; onContinue?: (() => void) | undefined }) {
  const { t, i18n } = useTranslation('enrolment');
  const open = enrolment.status === 'draft' || enrolment.status === 'submitted';
  const fees = useQuery({ queryKey: selfKeys.fees(enrolment.id), queryFn: () => myFees(enrolment.id), retry: false });
  // Read again when the enrolment's payment status moves (the bank's callback reached it).
  const payments = useQuery({ queryKey: [...selfKeys.payments(enrolment.id), enrolment.paymentStatus], queryFn: () => myPayments(enrolment.id) });
  const [instalments, setInstalments] = useState<1 | 3>(1);
  const [failure, setFailure] = useState<unknown>(null);
  const [leaving, setLeaving] = useState(false);
  const money = (cents: number) => formatCents(cents, i18n.language);

  const paid = enrolment.paymentStatus === 'paid';
  const exempt = enrolment.paymentStatus === 'exempt';
  const lastPaid = payments.data?.filter((payment) => payment.status === 'paid').at(-1);
  const pending = payments.data?.some((payment) => payment.status === 'pending') ?? false;
  const plans = fees.data?.instalmentPlans ?? [];
  const plan = plans.find((candidate) => candidate.count === instalments) ?? plans[0];
  const mayPay = open && !paid && !exempt && fees.data !== undefined && !fees.data.exempt && plan !== undefined;

  const pay = async () => {
    if (plan === undefined) return;
    setFailure(null);
    setLeaving(true);
    try {
      const started = await startMyPayment(enrolment.id, plan.count as 1 | 3, `/my-enrolment/${enrolment.id}?step=fees`);
      window.location.assign(started.redirectUrl);
    } catch (error) {
      setFailure(error);
      setLeaving(false);
    }
  };

  return (
    <>
      <Box role="status" data-testid="bank-return">
        {bankReturn === 'paid' && (
          <Alert severity="success" sx={{ mb: 2 }}>
            {paid ? t('online.fees.returnedPaid') : t('online.fees.returnedUpdating')}
          </Alert>
        )}
        {bankReturn === 'failed' && !paid && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {t('online.fees.returnedFailed')}
          </Alert>
        )}
        {bankReturn === 'pending' && !paid && (
          <Alert severity="info" sx={{ mb: 2 }}>
            {t('online.fees.returnedPending')}
          </Alert>
        )}
      </Box>
      <ProfilesEditor enrolment={enrolment} editable={enrolment.status === 'draft'} />
      {fees.error && <EnrolmentProblem error={fees.error} />}
      {!fees.data && !fees.error && <Typography role="status">{t('app.loading', { ns: 'translation' })}</Typography>}
      {fees.data && <FeesTable fees={fees.data} />}
      {paid && (
        <Alert severity="success" sx={{ mb: 2 }} data-testid="fees-settled">
          {t('online.fees.paid')}
          {lastPaid && <PaymentSchedule payment={lastPaid} />}
        </Alert>
      )}
      {exempt && (
        <Alert severity="success" sx={{ mb: 2 }} data-testid="fees-settled">
          {t('online.fees.exempt')}
        </Alert>
      )}
      {!paid && !exempt && fees.data?.exempt && (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="fees-settled">
          {t('online.fees.nothingToPay')}
        </Alert>
      )}
      {mayPay && (
        <Box
          component="form"
          noValidate
          aria-label={t('online.fees.payTitle')}
          onSubmit={(event) => {
            event.preventDefault();
            void pay();
          }}
          sx={{ mb: 2 }}
        >
          {pending && (
            <Alert severity="info" sx={{ mb: 2 }}>
              {t('online.fees.pendingPayment')}
            </Alert>
          )}
          <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, mb: 2, minWidth: 0 }}>
            <Typography component="legend" sx={{ fontWeight: 600 }}>
              {t('online.fees.how')}
            </Typography>
            <RadioGroup value={String(plan.count)} onChange={(event) => setInstalments(Number(event.target.value) as 1 | 3)}>
              {plans.map((candidate) => (
                <FormControlLabel
                  key={candidate.count}
                  value={String(candidate.count)}
                  control={<Radio />}
                  label={
                    candidate.count === 1
                      ? t('online.fees.once', { amount: money(candidate.amountsCents[0] ?? 0) })
                      : t('online.fees.inThree', { amounts: candidate.amountsCents.map(money).join(' + ') })
                  }
                />
              ))}
            </RadioGroup>
          </Box>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {t('online.fees.bankNotice')}
          </Typography>
          {failure !== null && <EnrolmentProblem error={failure} />}
          <Button type="submit" variant="contained" disabled={leaving}>
            {leaving ? t('online.fees.toBank') : t('online.fees.pay', { amount: money(plan.amountsCents[0] ?? 0) })}
          </Button>
        </Box>
      )}
      {onContinue && (
        <Box>
          {open && !paid && !exempt && fees.data && !fees.data.exempt && (
            <Typography variant="body2" sx={{ mb: 1 }}>
              {t('online.fees.later')}
            </Typography>
          )}
          <Button variant={mayPay ? 'outlined' : 'contained'} onClick={onContinue}>
            {t('online.continue')}
          </Button>
        </Box>
      )}
    </>
  );
}

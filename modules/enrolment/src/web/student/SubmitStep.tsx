import { useState } from 'react';
import { Alert, Box, Button, Link, List, ListItem, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { formatDateTime, ProblemError } from '@pegase/web-kit';
import { EnrolmentProblem } from '../common/EnrolmentProblem.tsx';
import { useNomenclatureLabel } from '../common/lookups.ts';
import { ENROLMENT, type Enrolment } from '../enrolment-api.ts';
import { keepEnrolment } from './cache.ts';
import { forgetSubmissionKey, submissionKey } from './idempotency.ts';
import { myReadiness, selfKeys, submitMyEnrolment, type Readiness } from './self-service-api.ts';
import type { StepId } from './steps.ts';

type Missing = Readiness['missing'][number];

/** The step where each missing item is filled in, and how to name it. */
function placeOf(field: string): { step: StepId; key: string; document?: string } | undefined {
  if (field.startsWith('/documents/')) return { step: 'documents', key: 'online.submit.missing.document', document: field.slice('/documents/'.length) };
  const known: Record<string, { step: StepId; key: string }> = {
    '/learner/email': { step: 'contacts', key: 'online.submit.missing.email' },
    '/learner/phone': { step: 'contacts', key: 'online.submit.missing.phone' },
    '/learner/address': { step: 'contacts', key: 'online.submit.missing.address' },
    '/learner/bac': { step: 'bac', key: 'online.submit.missing.bac' },
    '/enrolment/previousSituation': { step: 'bac', key: 'online.submit.missing.previousSituation' },
  };
  return known[field];
}

function MissingItem({ item }: { item: Missing }) {
  const { t } = useTranslation('enrolment');
  const documentLabel = useNomenclatureLabel('DOCUMENT-TYPE');
  const place = placeOf(item.field);
  if (place === undefined) {
    return (
      <ListItem disableGutters sx={{ display: 'list-item' }}>
        <span lang="en">{item.message}</span>
      </ListItem>
    );
  }
  return (
    <ListItem disableGutters sx={{ display: 'list-item' }}>
      {t(place.key, { document: place.document === undefined ? '' : documentLabel(place.document) })}{' '}
      <Link component={RouterLink} to={`?step=${place.step}`}>
        {t('online.submit.goTo', { step: t(`online.steps.${place.step}`) })}
      </Link>
    </ListItem>
  );
}

/**
 * The submission: what the enrolment still lacks, each item with a link to
 * its step, then « Envoyer mon dossier ». The submission carries a key kept
 * in the tab, so that a retry after a network error (or a reload) is the
 * same submission. Once sent, when and what comes next.
 */
export function SubmitStep({ enrolment, onSubmitted }: { enrolment: Enrolment; onSubmitted: () => void }) {
  const { t, i18n } = useTranslation('enrolment');
  const client = useQueryClient();
  const draft = enrolment.status === 'draft';
  const readiness = useQuery({ queryKey: selfKeys.readiness(enrolment.id), queryFn: () => myReadiness(enrolment.id), enabled: draft });
  const [failure, setFailure] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const settled = enrolment.paymentStatus === 'paid' || enrolment.paymentStatus === 'exempt';

  const submit = async () => {
    setFailure(null);
    setSending(true);
    try {
      const submitted = await submitMyEnrolment(enrolment.id, submissionKey(enrolment.id));
      forgetSubmissionKey(enrolment.id);
      keepEnrolment(client, submitted);
      await client.invalidateQueries({ queryKey: [ENROLMENT] });
      onSubmitted();
    } catch (error) {
      setFailure(error);
      // The server said what is missing: the checklist shows it again.
      if (error instanceof ProblemError) await client.invalidateQueries({ queryKey: selfKeys.readiness(enrolment.id) });
    } finally {
      setSending(false);
    }
  };

  if (!draft) {
    return (
      <Alert severity="success" data-testid="submitted">
        {enrolment.submittedAt
          ? t('online.submit.sentAt', { date: formatDateTime(enrolment.submittedAt, i18n.language) })
          : t(`online.status.${enrolment.status}`)}
      </Alert>
    );
  }
  const missing = readiness.data?.missing ?? [];
  return (
    <>
      {readiness.error && <EnrolmentProblem error={readiness.error} />}
      {readiness.data && missing.length === 0 && (
        <Alert severity="success" sx={{ mb: 2 }} data-testid="ready">
          {t('online.submit.ready')}
        </Alert>
      )}
      {missing.length > 0 && (
        <Box sx={{ mb: 2 }} data-testid="missing">
          <Typography sx={{ fontWeight: 600 }}>{t('online.submit.notReady')}</Typography>
          <List sx={{ listStyleType: 'disc', pl: 2.5 }}>
            {missing.map((item) => (
              <MissingItem key={item.field} item={item} />
            ))}
          </List>
        </Box>
      )}
      {!settled && (
        <Typography variant="body2" sx={{ mb: 2 }}>
          {t('online.submit.feesLater')}
        </Typography>
      )}
      <Typography sx={{ mb: 2 }}>{t('online.submit.commitment')}</Typography>
      {failure !== null && <EnrolmentProblem error={failure} />}
      <Button variant="contained" onClick={() => void submit()} disabled={sending}>
        {sending ? t('online.submit.sending') : t('online.submit.send')}
      </Button>
    </>
  );
}

import { useMemo, useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Link, Stack, TextField, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import { DetailList, FormErrorSummary, PageHeading, ProblemError } from '@pegase/web-kit';
import { EnrolmentProblem } from '../common/EnrolmentProblem.tsx';
import { problemSlugOf } from '../common/problems.ts';
import { ENROLMENT, myEnrolments } from '../enrolment-api.ts';
import { useAdmissionName } from './admission-name.ts';
import { RegimeProfilesFields } from './RegimeProfilesFields.tsx';
import { myAdmissions, selfKeys, startMyEnrolment, type Admission } from './self-service-api.ts';
import { useFormErrors } from './useFormErrors.ts';

function AdmissionCard({ admission, busy, onStart }: { admission: Admission; busy: boolean; onStart: () => void }) {
  const { t } = useTranslation('enrolment');
  const name = useAdmissionName(admission);
  const headingId = `admission-${admission.id}`;
  return (
    <Card variant="outlined" component="section" aria-labelledby={headingId} data-testid="admission">
      <CardContent>
        <Typography component="h3" variant="h6" id={headingId} sx={{ overflowWrap: 'anywhere' }}>
          {name}
        </Typography>
        <DetailList
          items={[
            ...(admission.candidateNumber ? [{ term: t('online.start.candidateNumber'), value: admission.candidateNumber }] : []),
            { term: t('online.start.invitationCode'), value: <span style={{ overflowWrap: 'anywhere' }}>{admission.invitationCode}</span> },
          ]}
        />
        <Button variant="contained" sx={{ mt: 2 }} disabled={busy} onClick={onStart} aria-label={t('online.start.startOf', { admission: name })}>
          {t('online.start.start')}
        </Button>
      </CardContent>
    </Card>
  );
}

/**
 * Where a student starts their online enrolment: the régime and profiles
 * they enrol with (which may change the fees and the documents asked for),
 * the admissions waiting for them, each with « Commencer mon inscription »,
 * and a field for an invitation code received by mail. The draft made, the
 * guided flow opens at its first step.
 */
export default function StartEnrolmentPage() {
  const { t } = useTranslation('enrolment');
  const client = useQueryClient();
  const navigate = useNavigate();
  const admissions = useQuery({ queryKey: selfKeys.admissions, queryFn: myAdmissions });
  const mine = useQuery({ queryKey: selfKeys.enrolments, queryFn: myEnrolments });
  const [regime, setRegime] = useState('FI');
  const [profiles, setProfiles] = useState<string[]>([]);
  const [code, setCode] = useState('');
  const inputs = useMemo(
    () => ({
      '/regime': { id: 'start-regime', label: t('online.start.regime') },
      '/profiles': { id: 'start-profiles', label: t('online.start.profiles') },
      '/invitationCode': { id: 'start-code', label: t('online.start.code') },
    }),
    [t],
  );
  const form = useFormErrors(inputs);
  const waiting = admissions.data?.filter((admission) => admission.status === 'invited') ?? [];
  const drafts = mine.data?.filter((enrolment) => enrolment.status === 'draft') ?? [];
  // An unknown code is the code field's error, in the words of the problem.
  const unknownCode = form.failures.some((failure) => failure instanceof ProblemError && problemSlugOf(failure.problem) === 'unknown-invitation');
  const codeError = unknownCode ? t('problems.unknown-invitation') : form.messageOf('/invitationCode');
  const profileError = form.messageOf('/profiles') ?? profiles.map((_, index) => form.messageOf(`/profiles/${index}`)).find(Boolean);
  const summary = form.summary.map((error) => (error.inputId === 'start-code' && codeError ? { ...error, message: codeError } : error));

  const start = (invitationCode: string, fromField: boolean) => {
    let created: string | undefined;
    void form
      .submit(
        () => {
          const errors: Record<string, string> = {};
          if (regime === '') errors['/regime'] = 'online.messages.required';
          if (fromField && invitationCode.trim() === '') errors['/invitationCode'] = 'online.messages.required';
          else if (fromField && invitationCode.trim().length < 8) errors['/invitationCode'] = 'online.messages.code';
          return errors;
        },
        () => [
          startMyEnrolment(invitationCode.trim(), regime, profiles).then((enrolment) => {
            created = enrolment.id;
          }),
        ],
      )
      .then(async (done) => {
        if (!done || created === undefined) return;
        await client.invalidateQueries({ queryKey: [ENROLMENT] });
        void navigate(`/my-enrolment/${created}?step=identity`);
      });
  };

  return (
    <Box sx={{ maxWidth: 760 }}>
      <Link component={RouterLink} to="/" sx={{ display: 'inline-block', mb: 1 }}>
        {t('student.back')}
      </Link>
      <PageHeading>{t('online.start.title')}</PageHeading>
      <Typography sx={{ mb: 2 }}>{t('online.start.intro')}</Typography>
      {drafts.length > 0 && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('online.start.draftExists')}{' '}
          <Link component={RouterLink} to={`/my-enrolment/${drafts[0]!.id}`}>
            {t('online.start.resume')}
          </Link>
        </Alert>
      )}
      <Box
        component="form"
        noValidate
        aria-label={t('online.start.title')}
        onSubmit={(event) => {
          event.preventDefault();
          start(code, true);
        }}
      >
        <FormErrorSummary errors={summary} />
        <Typography component="h2" variant="h5" sx={{ mb: 2 }}>
          {t('online.start.choices')}
        </Typography>
        <Stack spacing={2} sx={{ mb: 3 }}>
          <RegimeProfilesFields
            idPrefix="start"
            regime={regime}
            profiles={profiles}
            onRegime={setRegime}
            onProfiles={setProfiles}
            regimeError={form.messageOf('/regime')}
            profilesError={profileError}
          />
        </Stack>
        <Typography component="h2" variant="h5" sx={{ mb: 2 }}>
          {t('online.start.admissions')}
        </Typography>
        {form.unplaced.map((failure, index) => (
          <EnrolmentProblem key={index} error={failure} />
        ))}
        {admissions.error && <EnrolmentProblem error={admissions.error} />}
        {!admissions.data && !admissions.error && <Typography role="status">{t('app.loading', { ns: 'translation' })}</Typography>}
        {admissions.data && waiting.length === 0 && <Typography sx={{ mb: 2 }}>{t('online.start.noAdmission')}</Typography>}
        <Stack spacing={2} sx={{ mb: 3 }}>
          {waiting.map((admission) => (
            <AdmissionCard key={admission.id} admission={admission} busy={form.saving} onStart={() => start(admission.invitationCode, false)} />
          ))}
        </Stack>
        <Typography component="h2" variant="h5" sx={{ mb: 2 }}>
          {t('online.start.byCode')}
        </Typography>
        <Stack spacing={2}>
          <TextField
            id="start-code"
            label={t('online.start.code')}
            value={code}
            onChange={(event) => setCode(event.target.value)}
            fullWidth
            error={codeError !== undefined}
            helperText={codeError ?? t('online.start.codeHelp')}
            slotProps={{ htmlInput: { maxLength: 40, autoComplete: 'off', spellCheck: false, autoCapitalize: 'characters' } }}
          />
          <Box>
            <Button type="submit" variant="outlined" disabled={form.saving}>
              {t('online.start.startWithCode')}
            </Button>
          </Box>
        </Stack>
      </Box>
    </Box>
  );
}

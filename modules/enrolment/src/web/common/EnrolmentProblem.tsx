import { Alert, AlertTitle, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ProblemAlert, ProblemError, translateFieldMessage } from '@pegase/web-kit';
import { problemSlugOf } from './problems.ts';

/**
 * A problem of the API, with enrolment's own problem types (documents
 * pending, fees not settled, not submitted, a file of the wrong type or too
 * big…) in the person's language and the API's detail, which names the
 * documents concerned; the others as the web kit shows them.
 */
export function EnrolmentProblem({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation('enrolment');
  if (!(error instanceof ProblemError)) return <ProblemAlert error={error} />;
  const slug = problemSlugOf(error.problem);
  if (slug === undefined || !i18n.exists(`problems.${slug}`, { ns: 'enrolment' })) return <ProblemAlert error={error} />;
  const { problem } = error;
  return (
    <Alert severity="warning" role="alert" sx={{ mb: 2 }} data-testid="problem">
      <AlertTitle>{t(`problems.${slug}`)}</AlertTitle>
      {problem.detail && <span lang="en">{problem.detail}</span>}
      {problem.requestId && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {t('errors.requestId', { ns: 'translation', id: problem.requestId })}
        </Typography>
      )}
    </Alert>
  );
}

/** The API's message about one field (`/reason`), in the person's language; undefined when the problem says nothing of it. */
export function useFieldError(error: unknown, field: string): string | undefined {
  const { t } = useTranslation('enrolment');
  if (!(error instanceof ProblemError)) return undefined;
  const item = error.problem.errors?.find((e) => e.field === field);
  if (item === undefined) return undefined;
  if (problemSlugOf(error.problem) === 'reason-required') return t('problems.reason-required');
  // The reasons' bounds (3 to 500 characters), which the kit's messages do not name.
  if (/^(must have at (least|most) \d+ characters|must not be empty)$/.test(item.message)) return t('messages.length');
  return translateFieldMessage(item.message, (key: string) => t(key, { ns: 'translation' }));
}

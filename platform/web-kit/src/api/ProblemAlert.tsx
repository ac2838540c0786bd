import { Alert, AlertTitle, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ProblemError } from './client.ts';
import { problemSlugOf } from './problem.ts';

/** The slug of a problem's type (`urn:pegase:problem:<slug>`), which says what went wrong for a program. */
export function problemSlug(error: ProblemError): string | undefined {
  return problemSlugOf(error.problem);
}

/**
 * Shows an error of the API (problem+json) in words a person can read: the
 * known problem types in their language, then the API's own detail, which
 * names the record concerned, and the request id to quote to the support.
 */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  if (!(error instanceof ProblemError)) {
    return (
      <Alert severity="error" role="alert">
        <AlertTitle>{t('errors.title')}</AlertTitle>
        {t('errors.network')}
      </Alert>
    );
  }
  const { problem } = error;
  const slug = problemSlug(error);
  const known = slug !== undefined && i18n.exists(`problems.${slug}`);
  return (
    <Alert severity={problem.status >= 500 ? 'error' : 'warning'} role="alert" sx={{ mb: 2 }}>
      <AlertTitle>{known ? t(`problems.${slug}`) : (problem.title ?? t('errors.title'))}</AlertTitle>
      {problem.detail ?? t('errors.generic', { status: problem.status })}
      {problem.requestId && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {t('errors.requestId', { id: problem.requestId })}
        </Typography>
      )}
    </Alert>
  );
}

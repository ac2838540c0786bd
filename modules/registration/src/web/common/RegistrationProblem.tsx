import type { ReactNode } from 'react';
import { Alert, AlertTitle, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ProblemAlert, ProblemError } from '@pegase/web-kit';
import { problemSlugOf } from './problems.ts';

/**
 * A problem of the API, with registration's own problem types (a refused
 * choice, the choice window closed, an offer already answered…) in the
 * person's language; the others as the web kit shows them.
 */
export function RegistrationProblem({ error, children }: { error: unknown; children?: ReactNode }) {
  const { t, i18n } = useTranslation('registration');
  if (!(error instanceof ProblemError)) return <ProblemAlert error={error} />;
  const slug = problemSlugOf(error.problem);
  if (slug === undefined || !i18n.exists(`problems.${slug}`, { ns: 'registration' })) return <ProblemAlert error={error} />;
  const { problem } = error;
  return (
    <Alert severity={problem.status >= 500 ? 'error' : 'warning'} role="alert" sx={{ mb: 2 }} data-testid="problem">
      <AlertTitle>{t(`problems.${slug}`)}</AlertTitle>
      {children}
      {problem.requestId && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {t('errors.requestId', { ns: 'translation', id: problem.requestId })}
        </Typography>
      )}
    </Alert>
  );
}

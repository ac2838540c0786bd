import type { ReactNode } from 'react';
import { Alert, AlertTitle, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ProblemAlert, ProblemError } from '@pegase/web-kit';
import { problemSlugOf } from './problems.ts';

/**
 * A problem of the API, with assessment's own problem types (a locked
 * sheet, marks refused, a jury already deliberated…) in the person's
 * language, the API's detail below; the others as the web kit shows them.
 */
export function AssessmentProblem({ error, children }: { error: unknown; children?: ReactNode }) {
  const { t, i18n } = useTranslation('assessment');
  if (!(error instanceof ProblemError)) return <ProblemAlert error={error} />;
  const slug = problemSlugOf(error.problem);
  if (slug === undefined || !i18n.exists(`problems.${slug}`, { ns: 'assessment' })) return <ProblemAlert error={error} />;
  const { problem } = error;
  return (
    <Alert severity={problem.status >= 500 ? 'error' : 'warning'} role="alert" sx={{ mb: 2 }} data-testid="problem" data-slug={slug}>
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

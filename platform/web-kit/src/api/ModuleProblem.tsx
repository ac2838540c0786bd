import type { ReactNode } from 'react';
import { Alert, AlertTitle, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ProblemError } from './client.ts';
import { problemSlugOf } from './problem.ts';
import { ProblemAlert } from './ProblemAlert.tsx';

/**
 * A problem of the API with a module's own problem types in the person's
 * language (`problems.<slug>` in the module's namespace), what the page adds
 * below it (`children`: the rows a file was refused for…) and the request
 * id; a problem the module does not name is shown as `ProblemAlert` shows it.
 */
export function ModuleProblem({ error, ns, children }: { error: unknown; ns: string; children?: ReactNode }) {
  const { t, i18n } = useTranslation(ns);
  if (!(error instanceof ProblemError)) return <ProblemAlert error={error} />;
  const slug = problemSlugOf(error.problem);
  if (slug === undefined || !i18n.exists(`problems.${slug}`, { ns })) return <ProblemAlert error={error} />;
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

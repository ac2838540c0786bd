import { Alert, AlertTitle } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ProblemError } from './client.ts';

/** Shows an error of the API (problem+json) in words a person can read. */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!(error instanceof ProblemError)) {
    return (
      <Alert severity="error">
        <AlertTitle>{t('errors.title')}</AlertTitle>
        {t('errors.network')}
      </Alert>
    );
  }
  const { problem } = error;
  return (
    <Alert severity="error">
      <AlertTitle>{problem.title ?? t('errors.title')}</AlertTitle>
      {problem.detail ?? t('errors.generic', { status: problem.status })}
      {problem.errors && problem.errors.length > 0 && (
        <ul>
          {problem.errors.map((e, i) => (
            <li key={i}>{e.field ? `${e.field} : ${e.message}` : e.message}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

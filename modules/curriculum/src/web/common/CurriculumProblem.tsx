import { Alert, AlertTitle, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ProblemAlert, ProblemError, translateFieldMessage } from '@pegase/web-kit';

/** The slug of a problem's type (`urn:pegase:problem:<slug>`). */
function slugOf(error: ProblemError): string | undefined {
  const type = error.problem.type ?? '';
  return type.startsWith('urn:pegase:problem:') ? type.slice('urn:pegase:problem:'.length) : undefined;
}

/**
 * A problem of the API, with the curriculum's own problem types (a frozen
 * object, a cycle, a formation placed under something) in the person's
 * language; the others as the web kit shows them.
 */
export function CurriculumProblem({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation('curriculum');
  if (!(error instanceof ProblemError)) return <ProblemAlert error={error} />;
  const slug = slugOf(error);
  if (slug === undefined || !i18n.exists(`problems.${slug}`, { ns: 'curriculum' })) return <ProblemAlert error={error} />;
  const { problem } = error;
  return (
    <Alert severity="warning" role="alert" sx={{ mb: 2 }}>
      <AlertTitle>{t(`problems.${slug}`)}</AlertTitle>
      <span lang="en">{problem.detail}</span>
      {problem.requestId && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {t('errors.requestId', { ns: 'translation', id: problem.requestId })}
        </Typography>
      )}
    </Alert>
  );
}

const OWN: [RegExp, string][] = [
  [/^must not exceed max$/, 'messages.minAboveMax'],
  [/^is for groupings only$/, 'messages.groupingsOnly'],
];

/**
 * A field message in the person's language: a key of the form's own checks
 * (`form.…` of the kit, `messages.…` of the curriculum) or a message of the API.
 */
export function useFieldMessage() {
  const { t } = useTranslation('curriculum');
  return (message: string, fromApi: boolean): string => {
    if (!fromApi) return message.startsWith('form.') ? t(message, { ns: 'translation' }) : t(message);
    const own = OWN.find(([pattern]) => pattern.test(message));
    if (own) return t(own[1]);
    return translateFieldMessage(message, (key: string) => t(key, { ns: 'translation' }));
  };
}

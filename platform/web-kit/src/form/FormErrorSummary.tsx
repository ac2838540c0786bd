import { Alert, AlertTitle, Link } from '@mui/material';
import { useTranslation } from 'react-i18next';

export interface FormFieldError {
  /** The id of the input, to move the focus there. */
  inputId: string;
  label: string;
  message: string;
}

/** The errors of a form, listed above it with links to each field (RGAA 11.10). */
export function FormErrorSummary({ errors }: { errors: FormFieldError[] }) {
  const { t } = useTranslation();
  if (errors.length === 0) return null;
  return (
    <Alert severity="error" sx={{ mb: 2 }} role="alert">
      <AlertTitle>{t('form.fixErrors', { count: errors.length })}</AlertTitle>
      <ul style={{ margin: 0, paddingLeft: 20 }}>
        {errors.map((error) => (
          <li key={error.inputId}>
            <Link
              href={`#${error.inputId}`}
              color="inherit"
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(error.inputId)?.focus();
              }}
            >
              {error.label}
            </Link>{' '}
            : {error.message}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

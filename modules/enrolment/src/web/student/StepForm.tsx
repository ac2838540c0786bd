import type { FormEvent, ReactNode } from 'react';
import { Box, Button, Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { FormErrorSummary, type FormFieldError } from '@pegase/web-kit';
import { EnrolmentProblem } from '../common/EnrolmentProblem.tsx';

/**
 * A step's form: the problems that name none of its fields, the list of
 * its errors with links to them, its fields, and « Enregistrer et
 * continuer ». The browser's own checks are off: the form's messages say
 * what to fix, in the person's language.
 */
export function StepForm({
  label,
  summary,
  unplaced,
  saving,
  onSubmit,
  submitLabel,
  children,
}: {
  label: string;
  /** « Enregistrer et continuer » unless told otherwise. */
  submitLabel?: string;
  summary: FormFieldError[];
  unplaced: unknown[];
  saving: boolean;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation('enrolment');
  return (
    <Box
      component="form"
      noValidate
      aria-label={label}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {unplaced.map((failure, index) => (
        <EnrolmentProblem key={index} error={failure} />
      ))}
      <FormErrorSummary errors={summary} />
      <Stack spacing={2}>
        {children}
        <Box>
          <Button type="submit" variant="contained" disabled={saving}>
            {saving ? t('online.saving') : (submitLabel ?? t('online.saveAndContinue'))}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}

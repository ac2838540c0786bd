import { useState, type FormEvent } from 'react';
import { Box, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormErrorSummary, type FormFieldError, labelIn, PageHeading, ProblemError, problemSlugOf, StatusNotice } from '@pegase/web-kit';
import { windowState } from '../common/choices.ts';
import { FormationPicker, useFormationChoice } from '../common/FormationPicker.tsx';
import { formatWhen, fromLocalInput, toLocalInput } from '../common/dates.ts';
import { RegistrationProblem } from '../common/RegistrationProblem.tsx';
import { cursusKeys, getChoiceWindow, putChoiceWindow, REGISTRATION, type ChoiceWindow, type Formation } from '../registration-api.ts';

type Field = 'opensAt' | 'closesAt';

/** The window's dates as a form: both required, the closing after the opening; the API's refusal on the same fields. */
function WindowForm({ formation, current }: { formation: Formation; current: ChoiceWindow | null }) {
  const { t, i18n } = useTranslation('registration');
  const client = useQueryClient();
  const [values, setValues] = useState<Record<Field, string>>({
    opensAt: current ? toLocalInput(current.opensAt) : '',
    closesAt: current ? toLocalInput(current.closesAt) : '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [saving, setSaving] = useState(false);
  const inputId = (field: Field) => `window-${field}`;
  const name = `${formation.code} — ${labelIn(i18n.language, formation.labels)}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setNotice('');
    setFailure(null);
    const opensAt = fromLocalInput(values.opensAt);
    const closesAt = fromLocalInput(values.closesAt);
    const found: Partial<Record<Field, string>> = {};
    if (opensAt === undefined) found.opensAt = t('windows.required');
    if (closesAt === undefined) found.closesAt = t('windows.required');
    else if (opensAt !== undefined && !(closesAt > opensAt)) found.closesAt = t('windows.order');
    setErrors(found);
    if (opensAt === undefined || closesAt === undefined || Object.keys(found).length > 0) {
      document.getElementById(inputId(found.opensAt ? 'opensAt' : 'closesAt'))?.focus();
      return;
    }
    setSaving(true);
    try {
      const saved = await putChoiceWindow(formation.id, opensAt, closesAt);
      client.setQueryData(cursusKeys.window(formation.id), saved);
      // Cursus read since show the window as it was.
      void client.invalidateQueries({ queryKey: [REGISTRATION, 'cursus'] });
      setNotice(t('windows.saved', { formation: name }));
    } catch (error) {
      if (error instanceof ProblemError && problemSlugOf(error.problem) === 'invalid-window') setErrors({ closesAt: t('windows.order') });
      else setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  const summary: FormFieldError[] = (['opensAt', 'closesAt'] as const).flatMap((field) =>
    errors[field] ? [{ inputId: inputId(field), label: t(`windows.${field}`), message: errors[field] }] : [],
  );
  const field = (key: Field) => (
    <TextField
      id={inputId(key)}
      label={t(`windows.${key}`)}
      type="datetime-local"
      value={values[key]}
      onChange={(event) => setValues((current) => ({ ...current, [key]: event.target.value }))}
      required
      error={errors[key] !== undefined}
      helperText={errors[key] ?? t('windows.dateHelp')}
      slotProps={{ inputLabel: { shrink: true } }}
      sx={{ minWidth: { sm: 260 } }}
    />
  );
  return (
    <Box component="form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="window-edit">
      <Typography component="h3" variant="h6" id="window-edit" sx={{ mb: 1 }}>
        {t('windows.edit')}
      </Typography>
      <FormErrorSummary errors={summary} />
      {failure !== null && <RegistrationProblem error={failure} />}
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2 }}>
        {field('opensAt')}
        {field('closesAt')}
      </Stack>
      <Button type="submit" variant="contained">
        {t('windows.save')}
      </Button>
      <StatusNotice notice={notice} testId="window-notice" sx={{ mt: 2 }} />
    </Box>
  );
}

function FormationWindow({ formation }: { formation: Formation }) {
  const { t, i18n } = useTranslation('registration');
  const current = useQuery({ queryKey: cursusKeys.window(formation.id), queryFn: () => getChoiceWindow(formation.id) });
  const name = `${formation.code} — ${labelIn(i18n.language, formation.labels)}`;
  const state = current.data === undefined ? undefined : windowState(current.data);
  return (
    <Card variant="outlined" component="section" aria-labelledby="window-formation" data-testid="formation-window">
      <CardContent>
        <Typography component="h2" variant="h5" id="window-formation" sx={{ mb: 1, overflowWrap: 'anywhere' }}>
          {name}
        </Typography>
        {current.error && <RegistrationProblem error={current.error} />}
        {current.data === undefined && !current.error && <Typography role="status">{t('loading')}</Typography>}
        {current.data !== undefined && (
          <>
            <Typography component="h3" variant="h6">
              {t('windows.current')}
            </Typography>
            <Typography sx={{ mb: 2 }} data-testid="window-state" data-state={state}>
              {current.data === null
                ? t('windows.none')
                : t(`windows.state.${state as 'upcoming' | 'open' | 'closed'}`, {
                    opensAt: formatWhen(current.data.opensAt, i18n.language),
                    closesAt: formatWhen(current.data.closesAt, i18n.language),
                  })}
            </Typography>
            <WindowForm formation={formation} current={current.data} />
          </>
        )}
      </CardContent>
    </Card>
  );
}

/**
 * When the students of each formation choose their courses: the academic
 * year, a validated formation of it (from the curriculum), its window and
 * a form to set it. Outside it only staff change choices.
 */
export default function ChoiceWindowsPage() {
  const { t } = useTranslation('registration');
  const choice = useFormationChoice();
  const { formation } = choice;

  return (
    <Box sx={{ maxWidth: 960 }}>
      <PageHeading>{t('windows.title')}</PageHeading>
      <Typography sx={{ mb: 2 }}>{t('windows.intro')}</Typography>
      <FormationPicker choice={choice} idPrefix="window" />
      {formation && <FormationWindow key={formation.id} formation={formation} />}
    </Box>
  );
}

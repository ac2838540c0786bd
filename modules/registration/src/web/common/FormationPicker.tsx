import type { ReactNode } from 'react';
import { Alert, Stack, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { labelIn } from '@pegase/web-kit';
import { academicYears, LOOKUP_STALE_MS, REGISTRATION, validatedFormations } from '../registration-api.ts';
import { RegistrationProblem } from './RegistrationProblem.tsx';

/** What a staff page works on, kept in the address (`?period=…&formation=…&course=…`) so that it can be linked and reloaded. */
type Level = 'period' | 'formation' | 'course';
const LEVELS: readonly Level[] = ['period', 'formation', 'course'];

/**
 * The academic year (the current one by default, else the most recent) and
 * a validated formation of it, from the curriculum; the choice is in the
 * address. Choosing at one level forgets the levels below it.
 */
export function useFormationChoice() {
  const [params, setParams] = useSearchParams();
  const years = useQuery({ queryKey: [REGISTRATION, 'academic-years'], queryFn: academicYears, staleTime: LOOKUP_STALE_MS });
  const today = new Date().toISOString().slice(0, 10);
  const asked = params.get('period');
  const period =
    years.data?.find((year) => year.id === asked) ?? years.data?.find((year) => year.startDate <= today && today <= year.endDate) ?? years.data?.[0];
  const formations = useQuery({
    queryKey: [REGISTRATION, 'formations', period?.id ?? ''],
    queryFn: () => validatedFormations(period!.id),
    enabled: period !== undefined,
    staleTime: LOOKUP_STALE_MS,
  });
  const formation = formations.data?.find((item) => item.id === params.get('formation'));
  const current: Record<Level, string | undefined> = { period: period?.id, formation: formation?.id, course: params.get('course') ?? undefined };
  const choose = (level: Level, value: string) => {
    const values: Record<string, string> = {};
    for (const above of LEVELS.slice(0, LEVELS.indexOf(level))) if (current[above]) values[above] = current[above];
    if (value) values[level] = value;
    setParams(values, { replace: true });
  };
  return { years, period, formations, formation, course: current.course, choose };
}

export type FormationChoice = ReturnType<typeof useFormationChoice>;

/**
 * The year and formation fields (native selects: a phone shows its own
 * list), then whatever the page chooses below them (`children`, in the same
 * row on a desk, one column on a phone).
 */
export function FormationPicker({ choice, idPrefix, children }: { choice: FormationChoice; idPrefix: string; children?: ReactNode }) {
  const { t, i18n } = useTranslation('registration');
  const { years, period, formations, formation } = choice;
  return (
    <>
      {years.error && <RegistrationProblem error={years.error} />}
      {!years.data && !years.error && <Typography role="status">{t('loading')}</Typography>}
      {years.data && !period && <Alert severity="info">{t('picker.noPeriod')}</Alert>}
      {period && (
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 3 }}>
          <TextField
            select
            id={`${idPrefix}-period`}
            label={t('picker.period')}
            value={period.id}
            onChange={(event) => choice.choose('period', event.target.value)}
            slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
            sx={{ minWidth: 200 }}
          >
            {(years.data ?? []).map((year) => (
              <option key={year.id} value={year.id}>
                {labelIn(i18n.language, year.labels)}
              </option>
            ))}
          </TextField>
          <TextField
            select
            id={`${idPrefix}-formation-choice`}
            label={t('picker.formation')}
            value={formation?.id ?? ''}
            onChange={(event) => choice.choose('formation', event.target.value)}
            disabled={!formations.data || formations.data.length === 0}
            slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
            sx={{ flex: 1, minWidth: 0 }}
          >
            <option value="">{t('picker.chooseFormation')}</option>
            {(formations.data ?? []).map((item) => (
              <option key={item.id} value={item.id}>
                {t('picker.formationOf', { code: item.code, label: labelIn(i18n.language, item.labels) })}
              </option>
            ))}
          </TextField>
          {children}
        </Stack>
      )}
      {formations.error && <RegistrationProblem error={formations.error} />}
      {formations.data?.length === 0 && <Alert severity="info">{t('picker.noFormation')}</Alert>}
    </>
  );
}

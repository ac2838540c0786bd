import type { ReactNode } from 'react';
import { Alert, Stack, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { labelIn } from '../i18n/i18n.ts';
import { ProblemAlert } from '../api/ProblemAlert.tsx';
import { academicYears, LOOKUP_STALE_MS, OFFER, validatedFormations } from './offer-lookups.ts';

/**
 * What a staff page works on, kept in the address (`?period=…&formation=…`
 * then the page's own levels below, e.g. `&course=…` or `&path=…&assessment=…`)
 * so that it can be linked and reloaded: the academic year (the current one
 * by default, else the most recent) and a validated formation of it, from
 * the curriculum. Choosing at one level forgets the levels below it.
 */
export function useFormationChoice<Below extends string>(below: readonly Below[]) {
  type Level = 'period' | 'formation' | Below;
  const levels: readonly Level[] = ['period', 'formation', ...below];
  const [params, setParams] = useSearchParams();
  const years = useQuery({ queryKey: [OFFER, 'academic-years'], queryFn: academicYears, staleTime: LOOKUP_STALE_MS });
  const today = new Date().toISOString().slice(0, 10);
  const asked = params.get('period');
  const period =
    years.data?.find((year) => year.id === asked) ?? years.data?.find((year) => year.startDate <= today && today <= year.endDate) ?? years.data?.[0];
  const formations = useQuery({
    queryKey: [OFFER, 'formations', period?.id ?? ''],
    queryFn: () => validatedFormations(period!.id),
    enabled: period !== undefined,
    staleTime: LOOKUP_STALE_MS,
  });
  const formation = formations.data?.find((item) => item.id === params.get('formation'));
  const current = Object.fromEntries(levels.map((level) => [level, params.get(level) ?? undefined])) as Record<Level, string | undefined>;
  current.period = period?.id;
  current.formation = formation?.id;
  const choose = (level: Level, value: string) => {
    const values: Record<string, string> = {};
    for (const above of levels.slice(0, levels.indexOf(level))) if (current[above]) values[above] = current[above];
    if (value) values[level] = value;
    setParams(values, { replace: true });
  };
  const chosen = current as Record<Below, string | undefined>;
  return { years, period, formations, formation, chosen, choose };
}

/** What `FormationPicker` needs of a choice, whatever the levels below the formation. */
export interface FormationFields {
  years: ReturnType<typeof useFormationChoice>['years'];
  period: ReturnType<typeof useFormationChoice>['period'];
  formations: ReturnType<typeof useFormationChoice>['formations'];
  formation: ReturnType<typeof useFormationChoice>['formation'];
  choose: (level: 'period' | 'formation', value: string) => void;
}

/**
 * The year and formation fields (native selects: a phone shows its own
 * list), then whatever the page chooses below them (`children`, in the same
 * row on a desk, one column on a phone). `formationFieldId` names the
 * formation's field when the page's own fields would take its id.
 */
export function FormationPicker({
  choice,
  idPrefix,
  formationFieldId = `${idPrefix}-formation`,
  children,
}: {
  choice: FormationFields;
  idPrefix: string;
  formationFieldId?: string;
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const { years, period, formations, formation } = choice;
  return (
    <>
      {years.error && <ProblemAlert error={years.error} />}
      {!years.data && !years.error && <Typography role="status">{t('app.loading')}</Typography>}
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
            id={formationFieldId}
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
      {formations.error && <ProblemAlert error={formations.error} />}
      {formations.data?.length === 0 && <Alert severity="info">{t('picker.noFormation')}</Alert>}
    </>
  );
}

import type { ReactNode } from 'react';
import { Alert, Stack, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { labelIn } from '@pegase/web-kit';
import { academicYears, ASSESSMENT, LOOKUP_STALE_MS, offerTree, validatedFormations, keys } from '../assessment-api.ts';
import { AssessmentProblem } from './AssessmentProblem.tsx';

/**
 * What a page works on, kept in the address (`?period=…&formation=…&path=…&assessment=…`
 * or `…&jury=…`) so that it can be linked and reloaded. Choosing at one
 * level forgets the levels below it.
 */
type Level = 'period' | 'formation' | 'path' | 'assessment' | 'jury';
const LEVELS: readonly Level[] = ['period', 'formation', 'path', 'assessment', 'jury'];

/** The academic year (the current one by default, else the most recent), a validated formation of it, and its tree. */
export function useFormationChoice() {
  const [params, setParams] = useSearchParams();
  const years = useQuery({ queryKey: [ASSESSMENT, 'academic-years'], queryFn: academicYears, staleTime: LOOKUP_STALE_MS });
  const today = new Date().toISOString().slice(0, 10);
  const asked = params.get('period');
  const period =
    years.data?.find((year) => year.id === asked) ?? years.data?.find((year) => year.startDate <= today && today <= year.endDate) ?? years.data?.[0];
  const formations = useQuery({
    queryKey: [ASSESSMENT, 'formations', period?.id ?? ''],
    queryFn: () => validatedFormations(period!.id),
    enabled: period !== undefined,
    staleTime: LOOKUP_STALE_MS,
  });
  const formation = formations.data?.find((item) => item.id === params.get('formation'));
  const tree = useQuery({
    queryKey: keys.tree(formation?.id ?? ''),
    queryFn: () => offerTree(formation!.id),
    enabled: formation !== undefined,
    staleTime: LOOKUP_STALE_MS,
  });
  const current = Object.fromEntries(LEVELS.map((level) => [level, params.get(level) ?? undefined])) as Record<Level, string | undefined>;
  current.period = period?.id;
  current.formation = formation?.id;
  const choose = (level: Level, value: string) => {
    const values: Record<string, string> = {};
    for (const above of LEVELS.slice(0, LEVELS.indexOf(level))) if (current[above]) values[above] = current[above];
    if (value) values[level] = value;
    setParams(values, { replace: true });
  };
  return { years, period, formations, formation, tree, path: current.path, assessment: current.assessment, jury: current.jury, choose };
}

export type FormationChoice = ReturnType<typeof useFormationChoice>;

/**
 * The year and formation fields (native selects: a phone shows its own
 * list), then whatever the page chooses below them (`children`, in the same
 * row on a desk, one column on a phone).
 */
export function FormationPicker({ choice, idPrefix, children }: { choice: FormationChoice; idPrefix: string; children?: ReactNode }) {
  const { t, i18n } = useTranslation('assessment');
  const { years, period, formations, formation } = choice;
  return (
    <>
      {years.error && <AssessmentProblem error={years.error} />}
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
            id={`${idPrefix}-formation`}
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
      {formations.error && <AssessmentProblem error={formations.error} />}
      {formations.data?.length === 0 && <Alert severity="info">{t('picker.noFormation')}</Alert>}
      {choice.tree.error && <AssessmentProblem error={choice.tree.error} />}
    </>
  );
}

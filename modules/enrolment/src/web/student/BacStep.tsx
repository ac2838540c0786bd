import { useMemo, useState } from 'react';
import { Box, TextField, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DetailList } from '@pegase/web-kit';
import { useNomenclatureLabel } from '../common/lookups.ts';
import type { Enrolment } from '../enrolment-api.ts';
import { NomenclatureSelect } from './NomenclatureSelect.tsx';
import { enrolmentVersion, keepEnrolment, recordVersion } from './cache.ts';
import { selfKeys, updateMyEnrolment, updateMyRecord, type MyRecord } from './self-service-api.ts';
import { StepForm } from './StepForm.tsx';
import { useFormErrors } from './useFormErrors.ts';

const YEAR = /^[0-9]{4}$/;
/** The CVEC attestation number, as the server checks it (e.g. LYO1 23456789 AB). */
const CVEC = /^[A-Z0-9]{3,4}[ -]?[A-Z0-9]{6,8}[ -]?[A-Z0-9]{0,4}$/;
const UAI = /^[0-9]{7}[A-Z]$/;
const FRANCE_FIRST = ['100'];
const HONOURS_ORDER = ['P', 'AB', 'B', 'TB', 'TBF'];

const yearText = (year: number | undefined | null) => (year === undefined || year === null ? '' : String(year));

/**
 * The bac (or its foreign equivalent), the first year in French higher
 * education, and what the student did last year (for the national
 * statistics). The first two belong to the learner's record, the last to
 * this enrolment: both are saved together, and the errors of both land
 * beside their fields.
 */
export function BacStep({
  record,
  enrolment,
  startYear,
  editable,
  onDone,
}: {
  record: MyRecord;
  enrolment: Enrolment;
  /** The first calendar year of the enrolment's academic year: last year's situation defaults to the year before. */
  startYear: number | undefined;
  editable: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation('enrolment');
  const client = useQueryClient();
  const series = useNomenclatureLabel('BAC-SERIES');
  const honours = useNomenclatureLabel('BAC-HONOURS');
  const country = useNomenclatureLabel('COUNTRY');
  const situation = useNomenclatureLabel('PREVIOUS-SITUATION');
  const inputs = useMemo(
    () => ({
      '/bac/year': { id: 'bac-year', label: t('online.bac.year') },
      '/bac/series': { id: 'bac-series', label: t('online.bac.series') },
      '/bac/honours': { id: 'bac-honours', label: t('online.bac.honours') },
      '/bac/country': { id: 'bac-country', label: t('online.bac.country') },
      '/firstHigherEducation/year': { id: 'first-year', label: t('online.bac.firstYear') },
      '/firstHigherEducation/uai': { id: 'first-uai', label: t('online.bac.firstUai') },
      '/previousSituation/situation': { id: 'previous-situation', label: t('online.bac.situation') },
      '/previousSituation/year': { id: 'previous-year', label: t('online.bac.situationYear') },
      '/previousSituation/establishment': { id: 'previous-establishment', label: t('online.bac.establishment') },
      '/cvecNumber': { id: 'cvec-number', label: t('online.bac.cvec') },
    }),
    [t],
  );
  const form = useFormErrors(inputs);
  const previous = enrolment.previousSituation;
  const [draft, setDraft] = useState({
    bacYear: yearText(record.bac?.year),
    bacSeries: record.bac?.series ?? '',
    bacHonours: record.bac?.honours ?? '',
    bacCountry: record.bac?.country ?? '100',
    firstYear: yearText(record.firstHigherEducation?.year),
    firstUai: record.firstHigherEducation?.uai ?? '',
    situation: previous?.situation ?? '',
    situationYear: yearText(previous?.year ?? (startYear === undefined ? undefined : startYear - 1)),
    establishment: previous?.establishment ?? '',
    cvec: enrolment.cvecNumber ?? '',
  });
  const set = (key: keyof typeof draft, value: string) => setDraft((current) => ({ ...current, [key]: value }));
  const bacDay = YEAR.test(draft.bacYear) ? `${draft.bacYear}-07-01` : undefined;

  const check = () => {
    const errors: Record<string, string> = {};
    if (draft.bacYear === '') errors['/bac/year'] = 'online.messages.required';
    else if (!YEAR.test(draft.bacYear)) errors['/bac/year'] = 'online.messages.year';
    if (draft.bacSeries === '') errors['/bac/series'] = 'online.messages.required';
    if (draft.firstYear !== '' && !YEAR.test(draft.firstYear)) errors['/firstHigherEducation/year'] = 'online.messages.year';
    if (draft.firstUai !== '' && draft.firstYear === '') errors['/firstHigherEducation/year'] = 'online.messages.required';
    if (draft.firstUai !== '' && !UAI.test(draft.firstUai)) errors['/firstHigherEducation/uai'] = 'online.messages.uai';
    if (draft.situation === '') errors['/previousSituation/situation'] = 'online.messages.required';
    if (draft.situationYear === '') errors['/previousSituation/year'] = 'online.messages.required';
    else if (!YEAR.test(draft.situationYear)) errors['/previousSituation/year'] = 'online.messages.year';
    if (draft.cvec.trim() !== '' && !CVEC.test(draft.cvec.trim().toUpperCase())) errors['/cvecNumber'] = 'online.messages.cvec';
    return errors;
  };

  const save = () =>
    void form
      .submit(check, () => [
        updateMyRecord(
          {
            bac: {
              year: Number(draft.bacYear),
              series: draft.bacSeries,
              ...(draft.bacHonours ? { honours: draft.bacHonours } : {}),
              ...(draft.bacCountry ? { country: draft.bacCountry } : {}),
            },
            firstHigherEducation: draft.firstYear === '' ? null : { year: Number(draft.firstYear), ...(draft.firstUai ? { uai: draft.firstUai } : {}) },
          },
          recordVersion(client, record),
        ).then((saved) => client.setQueryData(selfKeys.record, saved)),
        updateMyEnrolment(
          enrolment.id,
          {
            previousSituation: {
              situation: draft.situation,
              year: Number(draft.situationYear),
              establishment: draft.establishment.trim() === '' ? null : draft.establishment.trim(),
            },
            cvecNumber: draft.cvec.trim() === '' ? null : draft.cvec.trim().toUpperCase(),
          },
          enrolmentVersion(client, enrolment),
        ).then((saved) => keepEnrolment(client, saved)),
      ])
      .then((done) => done && onDone());

  if (!editable) {
    const none = t('enrolment.none');
    return (
      <DetailList
        items={[
          {
            term: t('online.bac.title'),
            value: record.bac
              ? [
                  String(record.bac.year),
                  series(record.bac.series),
                  record.bac.honours ? honours(record.bac.honours) : '',
                  record.bac.country ? country(record.bac.country) : '',
                ]
                  .filter(Boolean)
                  .join(', ')
              : none,
          },
          {
            term: t('online.bac.firstTitle'),
            value: record.firstHigherEducation ? [String(record.firstHigherEducation.year), record.firstHigherEducation.uai].filter(Boolean).join(', ') : none,
          },
          {
            term: t('online.bac.situationTitle'),
            value: previous ? [situation(previous.situation), String(previous.year), previous.establishment].filter(Boolean).join(', ') : none,
          },
          { term: t('online.bac.cvec'), value: enrolment.cvecNumber ?? none },
        ]}
      />
    );
  }

  return (
    <StepForm label={t('online.steps.bac')} summary={form.summary} unplaced={form.unplaced} saving={form.saving} onSubmit={save}>
      <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, minWidth: 0, display: 'grid', gap: 2 }}>
        <Typography component="legend" variant="h6" sx={{ mb: 1 }}>
          {t('online.bac.title')}
        </Typography>
        <TextField
          label={t('online.bac.year')}
          value={draft.bacYear}
          onChange={(event) => set('bacYear', event.target.value.trim())}
          required
          fullWidth
          slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 4, autoComplete: 'off' } }}
          {...form.field('/bac/year', t('online.bac.yearHelp'))}
        />
        <NomenclatureSelect
          nomenclature="BAC-SERIES"
          at={bacDay}
          id={inputs['/bac/series'].id}
          label={inputs['/bac/series'].label}
          value={draft.bacSeries}
          onChange={(value) => set('bacSeries', value)}
          required
          error={form.messageOf('/bac/series')}
          helperText={t('online.bac.seriesHelp')}
        />
        <NomenclatureSelect
          nomenclature="BAC-HONOURS"
          at={bacDay}
          first={HONOURS_ORDER}
          id={inputs['/bac/honours'].id}
          label={inputs['/bac/honours'].label}
          value={draft.bacHonours}
          onChange={(value) => set('bacHonours', value)}
          error={form.messageOf('/bac/honours')}
        />
        <NomenclatureSelect
          nomenclature="COUNTRY"
          at={bacDay}
          first={FRANCE_FIRST}
          id={inputs['/bac/country'].id}
          label={inputs['/bac/country'].label}
          value={draft.bacCountry}
          onChange={(value) => set('bacCountry', value)}
          error={form.messageOf('/bac/country')}
        />
      </Box>
      <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, minWidth: 0, display: 'grid', gap: 2 }}>
        <Typography component="legend" variant="h6" sx={{ mb: 1 }}>
          {t('online.bac.firstTitle')}
        </Typography>
        <TextField
          label={t('online.bac.firstYear')}
          value={draft.firstYear}
          onChange={(event) => set('firstYear', event.target.value.trim())}
          fullWidth
          slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 4, autoComplete: 'off' } }}
          {...form.field('/firstHigherEducation/year', t('online.bac.firstYearHelp'))}
        />
        <TextField
          label={t('online.bac.firstUai')}
          value={draft.firstUai}
          onChange={(event) => set('firstUai', event.target.value.trim().toUpperCase())}
          fullWidth
          slotProps={{ htmlInput: { maxLength: 8, autoComplete: 'off', spellCheck: false } }}
          {...form.field('/firstHigherEducation/uai', t('online.bac.firstUaiHelp'))}
        />
      </Box>
      <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, minWidth: 0, display: 'grid', gap: 2 }}>
        <Typography component="legend" variant="h6" sx={{ mb: 1 }}>
          {t('online.bac.situationTitle')}
        </Typography>
        <NomenclatureSelect
          nomenclature="PREVIOUS-SITUATION"
          id={inputs['/previousSituation/situation'].id}
          label={inputs['/previousSituation/situation'].label}
          value={draft.situation}
          onChange={(value) => set('situation', value)}
          required
          error={form.messageOf('/previousSituation/situation')}
        />
        <TextField
          label={t('online.bac.situationYear')}
          value={draft.situationYear}
          onChange={(event) => set('situationYear', event.target.value.trim())}
          required
          fullWidth
          slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 4, autoComplete: 'off' } }}
          {...form.field('/previousSituation/year', t('online.bac.situationYearHelp'))}
        />
        <TextField
          label={t('online.bac.establishment')}
          value={draft.establishment}
          onChange={(event) => set('establishment', event.target.value)}
          fullWidth
          slotProps={{ htmlInput: { maxLength: 200 } }}
          {...form.field('/previousSituation/establishment', t('online.bac.establishmentHelp'))}
        />
        <TextField
          label={t('online.bac.cvec')}
          value={draft.cvec}
          onChange={(event) => set('cvec', event.target.value)}
          fullWidth
          slotProps={{ htmlInput: { maxLength: 20, autoComplete: 'off', autoCapitalize: 'characters', spellCheck: false } }}
          {...form.field('/cvecNumber', t('online.bac.cvecHelp'))}
        />
      </Box>
    </StepForm>
  );
}

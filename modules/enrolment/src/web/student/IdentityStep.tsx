import { useMemo, useState } from 'react';
import { Alert, TextField, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DetailList, formatDate } from '@pegase/web-kit';
import { useNomenclatureLabel } from '../common/lookups.ts';
import { NomenclatureSelect } from './NomenclatureSelect.tsx';
import { recordVersion } from './cache.ts';
import { selfKeys, updateMyRecord, type MyRecord } from './self-service-api.ts';
import { StepForm } from './StepForm.tsx';
import { useFormErrors } from './useFormErrors.ts';

const FRANCE = '100';
const COMMUNE = /^[0-9][0-9AB][0-9]{3}$/;
const FRANCE_FIRST = [FRANCE];

/**
 * Identity: the civil status the admission brought (names, birth date, INE),
 * which the student reads but the scolarité corrects on proof; then what the
 * student fills in — usage name, sex, birth place and nationality.
 */
export function IdentityStep({ record, editable, onDone }: { record: MyRecord; editable: boolean; onDone: () => void }) {
  const { t, i18n } = useTranslation('enrolment');
  const client = useQueryClient();
  const country = useNomenclatureLabel('COUNTRY');
  const sex = useNomenclatureLabel('SEX');
  const inputs = useMemo(
    () => ({
      '/usageName': { id: 'identity-usage-name', label: t('online.identity.usageName') },
      '/sex': { id: 'identity-sex', label: t('online.identity.sex') },
      '/birthCountry': { id: 'identity-birth-country', label: t('online.identity.birthCountry') },
      '/birthCommune': { id: 'identity-birth-commune', label: t('online.identity.birthCommune') },
      '/nationality': { id: 'identity-nationality', label: t('online.identity.nationality') },
    }),
    [t],
  );
  const form = useFormErrors(inputs);
  const [draft, setDraft] = useState({
    usageName: record.usageName ?? '',
    sex: record.sex,
    birthCountry: record.birthCountry,
    birthCommune: record.birthCommune ?? '',
    nationality: record.nationality ?? '',
  });
  const set = (key: keyof typeof draft, value: string) => setDraft((current) => ({ ...current, [key]: value }));
  const bornInFrance = draft.birthCountry === FRANCE;

  const civilStatus = [
    { term: t('enrolment.familyName'), value: record.familyName },
    { term: t('enrolment.givenNames'), value: record.givenNames },
    { term: t('enrolment.birthDate'), value: formatDate(record.birthDate, i18n.language) },
    { term: t('enrolment.ine'), value: record.ine ?? t('online.identity.noIne') },
    { term: t('enrolment.learnerCode'), value: record.code },
  ];

  const save = () =>
    void form
      .submit(
        () => {
          const errors: Record<string, string> = {};
          if (draft.sex === '') errors['/sex'] = 'online.messages.required';
          if (draft.birthCountry === '') errors['/birthCountry'] = 'online.messages.required';
          if (bornInFrance && draft.birthCommune.trim() !== '' && !COMMUNE.test(draft.birthCommune.trim())) errors['/birthCommune'] = 'online.messages.commune';
          if (draft.nationality === '') errors['/nationality'] = 'online.messages.required';
          return errors;
        },
        () => [
          updateMyRecord(
            {
              usageName: draft.usageName.trim() === '' ? null : draft.usageName.trim(),
              sex: draft.sex,
              birthCountry: draft.birthCountry,
              birthCommune: bornInFrance && draft.birthCommune.trim() !== '' ? draft.birthCommune.trim() : null,
              nationality: draft.nationality,
            },
            recordVersion(client, record),
          ).then((saved) => client.setQueryData(selfKeys.record, saved)),
        ],
      )
      .then((done) => done && onDone());

  return (
    <>
      <Typography component="h3" variant="h6" sx={{ mb: 1 }}>
        {t('online.identity.civilStatus')}
      </Typography>
      <DetailList items={civilStatus} />
      <Alert severity="info" sx={{ my: 2 }}>
        {t('online.identity.correctedByScolarite')}
      </Alert>
      <Typography component="h3" variant="h6" sx={{ mb: 2 }}>
        {t('online.identity.yours')}
      </Typography>
      {editable ? (
        <StepForm label={t('online.steps.identity')} summary={form.summary} unplaced={form.unplaced} saving={form.saving} onSubmit={save}>
          <TextField
            label={t('online.identity.usageName')}
            value={draft.usageName}
            onChange={(event) => set('usageName', event.target.value)}
            fullWidth
            slotProps={{ htmlInput: { maxLength: 100 } }}
            {...form.field('/usageName', t('online.identity.usageNameHelp'))}
          />
          <NomenclatureSelect
            nomenclature="SEX"
            id={inputs['/sex'].id}
            label={inputs['/sex'].label}
            value={draft.sex}
            onChange={(value) => set('sex', value)}
            required
            error={form.messageOf('/sex')}
          />
          <NomenclatureSelect
            nomenclature="COUNTRY"
            at={record.birthDate}
            first={FRANCE_FIRST}
            id={inputs['/birthCountry'].id}
            label={inputs['/birthCountry'].label}
            value={draft.birthCountry}
            onChange={(value) => set('birthCountry', value)}
            required
            error={form.messageOf('/birthCountry')}
          />
          {bornInFrance && (
            <TextField
              label={t('online.identity.birthCommune')}
              value={draft.birthCommune}
              onChange={(event) => set('birthCommune', event.target.value.toUpperCase())}
              fullWidth
              slotProps={{ htmlInput: { maxLength: 5, spellCheck: false, autoComplete: 'off' } }}
              {...form.field('/birthCommune', t('online.identity.birthCommuneHelp'))}
            />
          )}
          <NomenclatureSelect
            nomenclature="COUNTRY"
            first={FRANCE_FIRST}
            id={inputs['/nationality'].id}
            label={inputs['/nationality'].label}
            value={draft.nationality}
            onChange={(value) => set('nationality', value)}
            required
            error={form.messageOf('/nationality')}
          />
        </StepForm>
      ) : (
        <DetailList
          items={[
            { term: t('online.identity.usageName'), value: record.usageName ?? t('enrolment.none') },
            { term: t('online.identity.sex'), value: sex(record.sex) },
            { term: t('online.identity.birthCountry'), value: country(record.birthCountry) },
            { term: t('online.identity.birthCommune'), value: record.birthCommune ?? t('enrolment.none') },
            { term: t('online.identity.nationality'), value: record.nationality ? country(record.nationality) : t('enrolment.none') },
          ]}
        />
      )}
    </>
  );
}

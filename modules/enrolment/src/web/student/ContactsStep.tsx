import { useMemo, useState } from 'react';
import { TextField, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DetailList } from '@pegase/web-kit';
import { useNomenclatureLabel } from '../common/lookups.ts';
import { NomenclatureSelect } from './NomenclatureSelect.tsx';
import { recordVersion } from './cache.ts';
import { selfKeys, updateMyRecord, type MyRecord } from './self-service-api.ts';
import { StepForm } from './StepForm.tsx';
import { useFormErrors } from './useFormErrors.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 .-]{6,20}$/;
const FRANCE_FIRST = ['100'];

/** Contacts: the e-mail address and phone the scolarité writes to or calls, and the postal address. */
export function ContactsStep({ record, editable, onDone }: { record: MyRecord; editable: boolean; onDone: () => void }) {
  const { t } = useTranslation('enrolment');
  const client = useQueryClient();
  const country = useNomenclatureLabel('COUNTRY');
  const inputs = useMemo(
    () => ({
      '/email': { id: 'contacts-email', label: t('online.contacts.email') },
      '/phone': { id: 'contacts-phone', label: t('online.contacts.phone') },
      '/address/line1': { id: 'contacts-line1', label: t('online.contacts.line1') },
      '/address/line2': { id: 'contacts-line2', label: t('online.contacts.line2') },
      '/address/postcode': { id: 'contacts-postcode', label: t('online.contacts.postcode') },
      '/address/city': { id: 'contacts-city', label: t('online.contacts.city') },
      '/address/country': { id: 'contacts-country', label: t('online.contacts.country') },
    }),
    [t],
  );
  const form = useFormErrors(inputs);
  const [draft, setDraft] = useState({
    email: record.email ?? '',
    phone: record.phone ?? '',
    line1: record.address?.line1 ?? '',
    line2: record.address?.line2 ?? '',
    postcode: record.address?.postcode ?? '',
    city: record.address?.city ?? '',
    country: record.address?.country ?? '100',
  });
  const set = (key: keyof typeof draft, value: string) => setDraft((current) => ({ ...current, [key]: value }));

  const save = () =>
    void form
      .submit(
        () => {
          const errors: Record<string, string> = {};
          const email = draft.email.trim();
          if (email === '') errors['/email'] = 'online.messages.required';
          else if (!EMAIL.test(email)) errors['/email'] = 'online.messages.email';
          if (draft.phone.trim() === '') errors['/phone'] = 'online.messages.required';
          else if (!PHONE.test(draft.phone.trim())) errors['/phone'] = 'online.messages.phone';
          if (draft.line1.trim() === '') errors['/address/line1'] = 'online.messages.required';
          if (draft.city.trim() === '') errors['/address/city'] = 'online.messages.required';
          if (draft.country === '') errors['/address/country'] = 'online.messages.required';
          return errors;
        },
        () => [
          updateMyRecord(
            {
              email: draft.email.trim(),
              phone: draft.phone.trim(),
              address: {
                line1: draft.line1.trim(),
                ...(draft.line2.trim() ? { line2: draft.line2.trim() } : {}),
                ...(draft.postcode.trim() ? { postcode: draft.postcode.trim() } : {}),
                city: draft.city.trim(),
                country: draft.country,
              },
            },
            recordVersion(client, record),
          ).then((saved) => client.setQueryData(selfKeys.record, saved)),
        ],
      )
      .then((done) => done && onDone());

  if (!editable) {
    const address = record.address;
    return (
      <DetailList
        items={[
          { term: t('online.contacts.email'), value: record.email ?? t('enrolment.none') },
          { term: t('online.contacts.phone'), value: record.phone ?? t('enrolment.none') },
          {
            term: t('online.contacts.address'),
            value: address
              ? [address.line1, address.line2, [address.postcode, address.city].filter(Boolean).join(' '), country(address.country)].filter(Boolean).join(', ')
              : t('enrolment.none'),
          },
        ]}
      />
    );
  }
  return (
    <StepForm label={t('online.steps.contacts')} summary={form.summary} unplaced={form.unplaced} saving={form.saving} onSubmit={save}>
      <Typography>{t('online.contacts.intro')}</Typography>
      <TextField
        label={t('online.contacts.email')}
        type="email"
        value={draft.email}
        onChange={(event) => set('email', event.target.value)}
        required
        fullWidth
        slotProps={{ htmlInput: { maxLength: 200, autoComplete: 'email', spellCheck: false } }}
        {...form.field('/email')}
      />
      <TextField
        label={t('online.contacts.phone')}
        type="tel"
        value={draft.phone}
        onChange={(event) => set('phone', event.target.value)}
        required
        fullWidth
        slotProps={{ htmlInput: { maxLength: 20, autoComplete: 'tel' } }}
        {...form.field('/phone', t('online.contacts.phoneHelp'))}
      />
      <Typography component="h3" variant="h6">
        {t('online.contacts.address')}
      </Typography>
      <TextField
        label={t('online.contacts.line1')}
        value={draft.line1}
        onChange={(event) => set('line1', event.target.value)}
        required
        fullWidth
        slotProps={{ htmlInput: { maxLength: 200, autoComplete: 'address-line1' } }}
        {...form.field('/address/line1')}
      />
      <TextField
        label={t('online.contacts.line2')}
        value={draft.line2}
        onChange={(event) => set('line2', event.target.value)}
        fullWidth
        slotProps={{ htmlInput: { maxLength: 200, autoComplete: 'address-line2' } }}
        {...form.field('/address/line2')}
      />
      <TextField
        label={t('online.contacts.postcode')}
        value={draft.postcode}
        onChange={(event) => set('postcode', event.target.value)}
        fullWidth
        slotProps={{ htmlInput: { maxLength: 20, autoComplete: 'postal-code' } }}
        {...form.field('/address/postcode')}
      />
      <TextField
        label={t('online.contacts.city')}
        value={draft.city}
        onChange={(event) => set('city', event.target.value)}
        required
        fullWidth
        slotProps={{ htmlInput: { maxLength: 100, autoComplete: 'address-level2' } }}
        {...form.field('/address/city')}
      />
      <NomenclatureSelect
        nomenclature="COUNTRY"
        first={FRANCE_FIRST}
        id={inputs['/address/country'].id}
        label={inputs['/address/country'].label}
        value={draft.country}
        onChange={(value) => set('country', value)}
        required
        error={form.messageOf('/address/country')}
        autoComplete="country"
      />
    </StepForm>
  );
}

import { useTranslation } from 'react-i18next';
import { labelIn } from '@pegase/web-kit';
import { useNomenclatureLabel, usePeriod } from '../common/lookups.ts';
import type { Admission } from './self-service-api.ts';

/**
 * « Année universitaire 2026-2027 — Parcoursup »: where an admission leads,
 * as far as the student's side of the API says (its year and its origin).
 */
export function useAdmissionName(admission: Admission): string {
  const { t, i18n } = useTranslation('enrolment');
  const period = usePeriod(admission.periodId);
  const origin = useNomenclatureLabel('ENROLMENT-ORIGIN');
  const year = period.data ? labelIn(i18n.language, period.data.labels) : '…';
  return t('online.start.admissionName', { period: year, origin: origin(admission.source) });
}

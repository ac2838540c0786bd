import { useTranslation } from 'react-i18next';
import { labelIn } from '@pegase/web-kit';
import { useNomenclatureLabel, usePeriod } from '../common/lookups.ts';
import { useMyPointLabel } from './my-points.ts';
import type { Admission } from './self-service-api.ts';

/** « Licence Informatique — 3e année, année universitaire 2026-2027 (Parcoursup) »: where an admission leads, its year and its origin. */
export function useAdmissionName(admission: Admission): string {
  const { t, i18n } = useTranslation('enrolment');
  const period = usePeriod(admission.periodId);
  const origin = useNomenclatureLabel('ENROLMENT-ORIGIN');
  const pointLabel = useMyPointLabel();
  const year = period.data ? labelIn(i18n.language, period.data.labels) : '…';
  const point = pointLabel(admission.pointId);
  if (point === undefined) return t('online.start.admissionName', { period: year, origin: origin(admission.source) });
  return t('online.start.admissionPointName', { point, period: year, origin: origin(admission.source) });
}

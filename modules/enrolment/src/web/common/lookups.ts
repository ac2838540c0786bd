import { useQuery, type QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { labelIn } from '@pegase/web-kit';
import { ENROLMENT, getLearner, getPeriod, getPoint, LOOKUP_STALE_MS, nomenclatureLabels, type Learner, type Point } from '../enrolment-api.ts';

/** Query keys of what a page looks up by id: one request per learner, point or period, kept for the session's navigation. */
export const lookupKeys = {
  learner: (id: string) => [ENROLMENT, 'learner', id] as const,
  point: (id: string) => [ENROLMENT, 'point', id] as const,
  period: (id: string) => [ENROLMENT, 'period', id] as const,
  nomenclature: (code: string) => [ENROLMENT, 'nomenclature', code] as const,
};

/** A learner, from the cache or the API; null when it cannot be read (the row still shows). */
export function fetchLearner(client: QueryClient, id: string): Promise<Learner | null> {
  return client.fetchQuery({ queryKey: lookupKeys.learner(id), queryFn: () => getLearner(id), staleTime: LOOKUP_STALE_MS }).catch(() => null);
}

export function fetchPoint(client: QueryClient, id: string): Promise<Point | null> {
  return client.fetchQuery({ queryKey: lookupKeys.point(id), queryFn: () => getPoint(id), staleTime: LOOKUP_STALE_MS }).catch(() => null);
}

export function useLearner(id: string | undefined) {
  return useQuery({ queryKey: lookupKeys.learner(id ?? ''), queryFn: () => getLearner(id!), enabled: id !== undefined, staleTime: LOOKUP_STALE_MS });
}

export function usePoint(id: string | undefined) {
  return useQuery({ queryKey: lookupKeys.point(id ?? ''), queryFn: () => getPoint(id!), enabled: id !== undefined, staleTime: LOOKUP_STALE_MS });
}

export function usePeriod(id: string | undefined) {
  return useQuery({ queryKey: lookupKeys.period(id ?? ''), queryFn: () => getPeriod(id!), enabled: id !== undefined, staleTime: LOOKUP_STALE_MS });
}

/** The label of a nomenclature's value in the person's language, its code until the labels arrive (or when it has none). */
export function useNomenclatureLabel(code: string) {
  const { i18n } = useTranslation();
  const labels = useQuery({ queryKey: lookupKeys.nomenclature(code), queryFn: () => nomenclatureLabels(code), staleTime: LOOKUP_STALE_MS });
  return (value: string) => {
    const found = labels.data?.[value];
    return found ? labelIn(i18n.language, found) : value;
  };
}

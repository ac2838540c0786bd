import { useQuery } from '@tanstack/react-query';
import { getLearner, getPeriod, LOOKUP_STALE_MS, REGISTRATION } from '../registration-api.ts';

export function usePeriod(id: string | undefined) {
  return useQuery({ queryKey: [REGISTRATION, 'period', id ?? ''], queryFn: () => getPeriod(id!), enabled: id !== undefined, staleTime: LOOKUP_STALE_MS });
}

export function useLearner(id: string | undefined) {
  return useQuery({ queryKey: [REGISTRATION, 'learner', id ?? ''], queryFn: () => getLearner(id!), enabled: id !== undefined, staleTime: LOOKUP_STALE_MS });
}

/** « MARTIN (Nguyễn) Camille Louise »: the family name, the usage name when there is one, the given names. */
export function learnerName(learner: { familyName: string; usageName: string | null; givenNames: string }): string {
  return `${learner.familyName.toLocaleUpperCase('fr')}${learner.usageName ? ` (${learner.usageName})` : ''} ${learner.givenNames}`;
}

import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, dataOf, labelIn } from '@pegase/web-kit';
import { ENROLMENT, LOOKUP_STALE_MS } from '../enrolment-api.ts';

export interface NomenclatureOption {
  code: string;
  label: string;
}

/** Today as YYYY-MM-DD: what a value must be valid on when no other day matters. */
const NO_CODES: readonly string[] = [];

export const today = () => new Date().toISOString().slice(0, 10);

async function valuesValidOn(code: string, at: string) {
  const values: { code: string; labels: { fr: string; en?: string | null } }[] = [];
  let cursor: string | undefined;
  do {
    const page = await api
      .GET('/api/referential/v1/nomenclatures/{code}/values', {
        params: { path: { code }, query: { limit: 200, sort: 'code', at, ...(cursor ? { cursor } : {}) } },
      })
      .then(dataOf);
    values.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return values;
}

/**
 * The values of a nomenclature valid on a day (today by default: a bac
 * series on the bac's year), labelled in the person's language: the codes
 * of `first` in their order, then the others by label.
 */
export function useNomenclatureOptions(code: string, { at, first = NO_CODES }: { at?: string | undefined; first?: readonly string[] } = {}) {
  const { i18n } = useTranslation();
  const day = at ?? today();
  const query = useQuery({
    queryKey: [ENROLMENT, 'nomenclature-options', code, day],
    queryFn: () => valuesValidOn(code, day),
    staleTime: LOOKUP_STALE_MS,
  });
  const options = useMemo<NomenclatureOption[]>(() => {
    const rank = (value: string) => (first.includes(value) ? first.indexOf(value) : first.length);
    return (query.data ?? [])
      .map((value) => ({ code: value.code, label: labelIn(i18n.language, value.labels) }))
      .sort((a, b) => rank(a.code) - rank(b.code) || a.label.localeCompare(b.label, i18n.language));
  }, [query.data, i18n.language, first]);
  return { options, loading: query.isPending, error: query.error };
}

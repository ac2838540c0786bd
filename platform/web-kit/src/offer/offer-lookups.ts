import { api, dataOf, type paths } from '../api/client.ts';

export type AcademicYear = paths['/api/referential/v1/periods/{id}']['get']['responses'][200]['content']['application/json'];
export type OfferFormation = paths['/api/curriculum/v1/objects']['get']['responses'][200]['content']['application/json']['items'][number];

/** Every key of these queries starts with it: the years and formations are shared by the pages of every module. */
export const OFFER = 'offer';

/** Keeps what rarely changes (periods, formations, trees) for the session's navigation. */
export const LOOKUP_STALE_MS = 300_000;

/** The academic years, most recent first. */
export async function academicYears(): Promise<AcademicYear[]> {
  const page = await api.GET('/api/referential/v1/periods', { params: { query: { type: 'academic-year', limit: 100, sort: '-code' } } }).then(dataOf);
  return page.items;
}

/** The validated formations of a period, by code (every page). */
export async function validatedFormations(periodId: string): Promise<OfferFormation[]> {
  const formations: OfferFormation[] = [];
  let cursor: string | undefined;
  do {
    const page = await api
      .GET('/api/curriculum/v1/objects', {
        params: { query: { periodId, type: 'formation', status: 'validated', limit: 200, sort: 'code', ...(cursor ? { cursor } : {}) } },
      })
      .then(dataOf);
    formations.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return formations;
}

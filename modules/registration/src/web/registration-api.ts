import { api, dataOf, ProblemError, type paths } from '@pegase/web-kit';

export type Cursus = paths['/api/registration/v1/enrolments/{enrolmentId}/cursus']['get']['responses'][200]['content']['application/json'];
export type CursusEntry = Cursus['entries'][number];
export type CursusGrouping = Cursus['groupings'][number];
export type ChoiceOption = CursusGrouping['options'][number];
export type ChoiceWindow = paths['/api/registration/v1/formations/{formationId}/choice-window']['get']['responses'][200]['content']['application/json'];
export type Formation = paths['/api/curriculum/v1/objects']['get']['responses'][200]['content']['application/json']['items'][number];
export type Period = paths['/api/referential/v1/periods/{id}']['get']['responses'][200]['content']['application/json'];
export type Learner = paths['/api/enrolment/v1/learners/{id}']['get']['responses'][200]['content']['application/json'];

/** Every key of this module's queries starts with it: one invalidation refreshes a page after a change. */
export const REGISTRATION = 'registration';

/** Keeps what rarely changes (periods, learners, formations) for the session's navigation. */
export const LOOKUP_STALE_MS = 300_000;

/**
 * Who chooses: the student for themselves (`/me/…`, within their
 * formation's choice window) or staff for a learner (at any time).
 */
export type Chooser = 'self' | 'staff';

export const cursusKeys = {
  mine: [REGISTRATION, 'my-cursus'] as const,
  one: (enrolmentId: string) => [REGISTRATION, 'cursus', enrolmentId] as const,
  window: (formationId: string) => [REGISTRATION, 'window', formationId] as const,
};

export function myCursus() {
  return api.GET('/api/registration/v1/me/cursus').then(dataOf);
}

export function getCursus(enrolmentId: string) {
  return api.GET('/api/registration/v1/enrolments/{enrolmentId}/cursus', { params: { path: { enrolmentId } } }).then(dataOf);
}

/** Sets the whole choice of one grouping (paths of its children); answers the cursus as it now stands. */
export function putChoices(chooser: Chooser, enrolmentId: string, grouping: string, children: string[]): Promise<Cursus> {
  const options = { params: { path: { enrolmentId } }, body: { grouping, children } };
  return chooser === 'self'
    ? api.PUT('/api/registration/v1/me/enrolments/{enrolmentId}/choices', options).then(dataOf)
    : api.PUT('/api/registration/v1/enrolments/{enrolmentId}/choices', options).then(dataOf);
}

/** Accepts or declines a seat held for the learner (an entry `offered`). */
export function answerOffer(chooser: Chooser, enrolmentId: string, path: string, accept: boolean): Promise<Cursus> {
  const options = { params: { path: { enrolmentId } }, body: { path, accept } };
  return chooser === 'self'
    ? api.POST('/api/registration/v1/me/enrolments/{enrolmentId}/offers', options).then(dataOf)
    : api.POST('/api/registration/v1/enrolments/{enrolmentId}/offers', options).then(dataOf);
}

/** A formation's choice window; null when none is set (the API answers 404). */
export async function getChoiceWindow(formationId: string): Promise<ChoiceWindow | null> {
  try {
    return dataOf(await api.GET('/api/registration/v1/formations/{formationId}/choice-window', { params: { path: { formationId } } }));
  } catch (error) {
    if (error instanceof ProblemError && error.problem.status === 404) return null;
    throw error;
  }
}

export function putChoiceWindow(formationId: string, opensAt: string, closesAt: string) {
  return api
    .PUT('/api/registration/v1/formations/{formationId}/choice-window', { params: { path: { formationId } }, body: { opensAt, closesAt } })
    .then(dataOf);
}

export function getPeriod(id: string) {
  return api.GET('/api/referential/v1/periods/{id}', { params: { path: { id } } }).then(dataOf);
}

export function getLearner(id: string) {
  return api.GET('/api/enrolment/v1/learners/{id}', { params: { path: { id } } }).then(dataOf);
}

/** The academic years, most recent first. */
export async function academicYears(): Promise<Period[]> {
  const page = await api.GET('/api/referential/v1/periods', { params: { query: { type: 'academic-year', limit: 100, sort: '-code' } } }).then(dataOf);
  return page.items;
}

/** The validated formations of a period, by code (every page). */
export async function validatedFormations(periodId: string): Promise<Formation[]> {
  const formations: Formation[] = [];
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

import { api, dataOf, ProblemError, type paths } from '@pegase/web-kit';

export type Cursus = paths['/api/registration/v1/enrolments/{enrolmentId}/cursus']['get']['responses'][200]['content']['application/json'];
export type CursusEntry = Cursus['entries'][number];
export type CursusGrouping = Cursus['groupings'][number];
export type ChoiceOption = CursusGrouping['options'][number];
export type ChoiceWindow = paths['/api/registration/v1/formations/{formationId}/choice-window']['get']['responses'][200]['content']['application/json'];
export type Formation = paths['/api/curriculum/v1/objects']['get']['responses'][200]['content']['application/json']['items'][number];
export type Period = paths['/api/referential/v1/periods/{id}']['get']['responses'][200]['content']['application/json'];
export type Learner = paths['/api/enrolment/v1/learners/{id}']['get']['responses'][200]['content']['application/json'];
export type Arrangement = Cursus['arrangements'][number];
export type Group = paths['/api/registration/v1/objects/{objectId}/groups']['get']['responses'][200]['content']['application/json'][number];
export type SplitReport = paths['/api/registration/v1/objects/{objectId}/groups/split']['post']['responses'][200]['content']['application/json'];
export type ClassList = paths['/api/registration/v1/objects/{objectId}/class-list']['get']['responses'][200]['content']['application/json'];
export type ClassMember = ClassList['members'][number];
export type OfferTree = paths['/api/curriculum/v1/objects/{id}/tree']['get']['responses'][200]['content']['application/json'];

/** Every key of this module's queries starts with it: one invalidation refreshes a page after a change. */
export const REGISTRATION = 'registration';

/** Keeps what rarely changes (periods, learners, formations) for the session's navigation: the web kit's delay. */
export { LOOKUP_STALE_MS } from '@pegase/web-kit';

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

export const groupKeys = {
  /** Everything about one object's groups: its groups and its class lists. */
  object: (objectId: string) => [REGISTRATION, 'object', objectId] as const,
  groups: (objectId: string) => [REGISTRATION, 'object', objectId, 'groups'] as const,
  classList: (objectId: string, filter: ClassListFilter = {}) => [REGISTRATION, 'object', objectId, 'class-list', filter] as const,
  tree: (formationId: string) => [REGISTRATION, 'tree', formationId] as const,
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

/** Exempts the learner from an entry of their cursus (the reason kept with it). */
export function putExemption(enrolmentId: string, path: string, reason: string): Promise<Cursus> {
  return api.PUT('/api/registration/v1/enrolments/{enrolmentId}/exemptions', { params: { path: { enrolmentId } }, body: { path, reason } }).then(dataOf);
}

export function liftExemption(enrolmentId: string, path: string): Promise<Cursus> {
  return api.DELETE('/api/registration/v1/enrolments/{enrolmentId}/exemptions', { params: { path: { enrolmentId }, query: { path } } }).then(dataOf);
}

/** Records an entry as acquired in an earlier year, with its mark on 20 (an exact decimal string, « 14.5 »). */
export function putCarriedCredit(enrolmentId: string, path: string, mark: string, fromPeriod: string): Promise<Cursus> {
  return api
    .PUT('/api/registration/v1/enrolments/{enrolmentId}/carried-credits', { params: { path: { enrolmentId } }, body: { path, mark, fromPeriod } })
    .then(dataOf);
}

export function liftCarriedCredit(enrolmentId: string, path: string): Promise<Cursus> {
  return api.DELETE('/api/registration/v1/enrolments/{enrolmentId}/carried-credits', { params: { path: { enrolmentId }, query: { path } } }).then(dataOf);
}

/** Replaces the whole list of special arrangements of a cursus. */
export function putArrangements(enrolmentId: string, arrangements: Arrangement[]): Promise<Cursus> {
  return api.PUT('/api/registration/v1/enrolments/{enrolmentId}/arrangements', { params: { path: { enrolmentId } }, body: { arrangements } }).then(dataOf);
}

/** A formation (or any object) and everything below it: its objects once, its paths in reading order. */
export function offerTree(id: string): Promise<OfferTree> {
  return api.GET('/api/curriculum/v1/objects/{id}/tree', { params: { path: { id } } }).then(dataOf);
}

export function listGroups(objectId: string): Promise<Group[]> {
  return api.GET('/api/registration/v1/objects/{objectId}/groups', { params: { path: { objectId } } }).then(dataOf);
}

/** A teaching group of an object; no capacity (null) means no limit. */
export function createGroup(objectId: string, group: { kind: string; code: string; capacity: number | null }): Promise<Group> {
  return api.POST('/api/registration/v1/objects/{objectId}/groups', { params: { path: { objectId } }, body: group }).then(dataOf);
}

/** Places every learner of the object without a group of this kind, evenly within the capacities. */
export function splitGroups(objectId: string, kind: string): Promise<SplitReport> {
  return api.POST('/api/registration/v1/objects/{objectId}/groups/split', { params: { path: { objectId } }, body: { kind } }).then(dataOf);
}

/** Places a learner (their entry on one path of the object) in a group; from another group of its kind, they move. */
export function placeInGroup(groupId: string, enrolmentId: string, path: string): Promise<Group> {
  return api.POST('/api/registration/v1/groups/{groupId}/members', { params: { path: { groupId } }, body: { enrolmentId, path } }).then(dataOf);
}

export function removeFromGroup(groupId: string, enrolmentId: string, path: string): Promise<Group> {
  return api.POST('/api/registration/v1/groups/{groupId}/members/remove', { params: { path: { groupId } }, body: { enrolmentId, path } }).then(dataOf);
}

/** Who follows an object: all, one group's, one path's. */
export interface ClassListFilter {
  groupId?: string;
  path?: string;
}

export function getClassList(objectId: string, filter: ClassListFilter = {}): Promise<ClassList> {
  return api
    .GET('/api/registration/v1/objects/{objectId}/class-list', { params: { path: { objectId }, query: { ...filter, format: 'json' } } })
    .then(dataOf) as Promise<ClassList>;
}

/**
 * The class list as the API writes it for a spreadsheet (`;`, UTF-8 with a
 * BOM), fetched with the token (a plain link would not carry it) as bytes,
 * so that the BOM stays; with the file name the API gives.
 */
export async function classListCsv(objectId: string, filter: ClassListFilter = {}): Promise<{ blob: Blob; filename: string | null }> {
  const result = await api.GET('/api/registration/v1/objects/{objectId}/class-list', {
    params: { path: { objectId }, query: { ...filter, format: 'csv' } },
    parseAs: 'blob',
  });
  const disposition = result.response.headers.get('content-disposition') ?? '';
  return { blob: dataOf(result) as Blob, filename: /filename="([^"]+)"/.exec(disposition)?.[1] ?? null };
}

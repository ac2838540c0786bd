import { api, dataOf, ProblemError, type paths } from '@pegase/web-kit';

export type TrainingObject = paths['/api/curriculum/v1/objects/{id}']['get']['responses'][200]['content']['application/json'];
export type ObjectQuery = paths['/api/curriculum/v1/objects']['get']['parameters']['query'];
export type CreateObjectBody = NonNullable<paths['/api/curriculum/v1/objects']['post']['requestBody']>['content']['application/json'];
export type UpdateObjectBody = NonNullable<paths['/api/curriculum/v1/objects/{id}']['patch']['requestBody']>['content']['application/json'];
export type ObjectType = paths['/api/curriculum/v1/types']['get']['responses'][200]['content']['application/json'][number];
export type FormationTree = paths['/api/curriculum/v1/objects/{id}/tree']['get']['responses'][200]['content']['application/json'];
export type TreeNode = FormationTree['nodes'][number];
export type ConsistencyReport = paths['/api/curriculum/v1/objects/{id}/consistency']['get']['responses'][200]['content']['application/json'];
export type Finding = ConsistencyReport['findings'][number];
export type Period = paths['/api/referential/v1/periods/{id}']['get']['responses'][200]['content']['application/json'];
export type Structure = paths['/api/referential/v1/structures/{id}']['get']['responses'][200]['content']['application/json'];
export type ObjectStatus = TrainingObject['status'];

/** Every key of this module's queries starts with it: one invalidation refreshes the editor after a change. */
export const CURRICULUM = 'curriculum';

export function listObjects(query: ObjectQuery) {
  return api.GET('/api/curriculum/v1/objects', { params: { query } }).then(dataOf);
}

export function listTypes() {
  return api.GET('/api/curriculum/v1/types').then(dataOf);
}

export function getTree(id: string) {
  return api.GET('/api/curriculum/v1/objects/{id}/tree', { params: { path: { id } } }).then(dataOf);
}

export function getConsistency(id: string) {
  return api.GET('/api/curriculum/v1/objects/{id}/consistency', { params: { path: { id } } }).then(dataOf);
}

export function getPaths(id: string) {
  return api.GET('/api/curriculum/v1/objects/{id}/paths', { params: { path: { id } } }).then(dataOf);
}

export function createObject(body: CreateObjectBody) {
  return api.POST('/api/curriculum/v1/objects', { body }).then(dataOf);
}

export function updateObject(object: TrainingObject, body: UpdateObjectBody) {
  return api
    .PATCH('/api/curriculum/v1/objects/{id}', { params: { path: { id: object.id }, header: { 'if-match': `"${object.version}"` } }, body })
    .then(dataOf);
}

/** Places `childId` under `parentId` (last, or at `position`), or moves it among its siblings. */
export function linkChild(parentId: string, childId: string, position?: number) {
  return api
    .PUT('/api/curriculum/v1/objects/{id}/children/{childId}', {
      params: { path: { id: parentId, childId } },
      body: position === undefined ? {} : { position },
    })
    .then(dataOf);
}

export async function unlinkChild(parentId: string, childId: string): Promise<void> {
  await api.DELETE('/api/curriculum/v1/objects/{id}/children/{childId}', { params: { path: { id: parentId, childId } } });
}

export function validateFormation(id: string) {
  return api.POST('/api/curriculum/v1/objects/{id}/validate', { params: { path: { id } } }).then(dataOf);
}

/** The report a refused validation (422 `inconsistent-formation`) carries. */
export function refusedReport(error: unknown): ConsistencyReport | undefined {
  if (!(error instanceof ProblemError) || error.problem.status !== 422) return undefined;
  const report = (error.problem as { report?: ConsistencyReport }).report;
  return report && Array.isArray(report.findings) ? report : undefined;
}

/** The academic years, most recent first. */
export async function academicYears(): Promise<Period[]> {
  const page = await api.GET('/api/referential/v1/periods', { params: { query: { type: 'academic-year', limit: 100, sort: '-code' } } }).then(dataOf);
  return page.items;
}

/** The year to show first: the one under way today, else the most recent. */
export function currentYear(years: Period[], today: string): Period | undefined {
  return years.find((year) => year.startDate <= today && today <= year.endDate) ?? years[0];
}

export function getStructure(id: string) {
  return api.GET('/api/referential/v1/structures/{id}', { params: { path: { id } } }).then(dataOf);
}

export function searchStructures(q: string) {
  return api
    .GET('/api/referential/v1/structures', { params: { query: { limit: 20, sort: 'code', open: true, ...(q ? { q } : {}) } } })
    .then(dataOf)
    .then((page) => page.items);
}

import { api, dataOf, type paths } from '@pegase/web-kit';

const V1 = '/api/assessment/v1';
type Json<P extends keyof paths, M extends 'get' | 'put' | 'post'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } } | { 201: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

export type Rule = Json<'/api/assessment/v1/rules', 'get'>;
export type RuleBody = paths['/api/assessment/v1/rules']['put']['requestBody']['content']['application/json'];
export type Assessment = paths['/api/assessment/v1/assessments']['get']['responses'][200]['content']['application/json'][number];
export type NewAssessment = paths['/api/assessment/v1/assessments']['post']['requestBody']['content']['application/json'];
export type Sheet = Json<'/api/assessment/v1/assessments/{id}/sheet', 'get'>;
export type SheetLine = Sheet['lines'][number];
export type MarksReport = Json<'/api/assessment/v1/assessments/{id}/marks', 'put'>;
export type MarkHistory = Json<'/api/assessment/v1/assessments/{id}/marks/{enrolmentId}/history', 'get'>;
export type Jury = paths['/api/assessment/v1/juries/{id}']['get']['responses'][200]['content']['application/json'];
export type JuryResult = paths['/api/assessment/v1/juries/{id}/results']['get']['responses'][200]['content']['application/json'][number];
export type MyResult = paths['/api/assessment/v1/me/results']['get']['responses'][200]['content']['application/json'][number];
export type Period = paths['/api/referential/v1/periods/{id}']['get']['responses'][200]['content']['application/json'];
export type OfferTree = paths['/api/curriculum/v1/objects/{id}/tree']['get']['responses'][200]['content']['application/json'];

/** A node of a results tree: the API leaves its children unchecked (the schema is recursive), they have its shape. */
export type ResultNode = Omit<JuryResult['root'], 'children'> & { children: ResultNode[] };

/** Every key of this module's queries starts with it: one invalidation refreshes a page after a change. */
export const ASSESSMENT = 'assessment';

/** Keeps what rarely changes (periods, formations, trees) for the session's navigation: the web kit's delay. */
export { LOOKUP_STALE_MS } from '@pegase/web-kit';

export const keys = {
  assessments: (periodId: string, path: string) => [ASSESSMENT, 'assessments', periodId, path] as const,
  sheet: (id: string) => [ASSESSMENT, 'sheet', id] as const,
  history: (id: string, enrolmentId: string) => [ASSESSMENT, 'history', id, enrolmentId] as const,
  rules: (periodId: string, formationId: string) => [ASSESSMENT, 'rules', periodId, formationId] as const,
  juries: (periodId: string, formationId: string) => [ASSESSMENT, 'juries', periodId, formationId] as const,
  jury: (id: string) => [ASSESSMENT, 'jury', id] as const,
  tree: (formationId: string) => [ASSESSMENT, 'tree', formationId] as const,
  mine: [ASSESSMENT, 'my-results'] as const,
  myTeaching: [ASSESSMENT, 'my-teaching'] as const,
  teachers: (objectId: string) => [ASSESSMENT, 'teachers', objectId] as const,
};

/** A formation and everything below it: its objects once, its paths in reading order. */
export function offerTree(id: string): Promise<OfferTree> {
  return api.GET('/api/curriculum/v1/objects/{id}/tree', { params: { path: { id } } }).then(dataOf);
}

export function getRule(periodId: string, path: string): Promise<Rule> {
  return api.GET(`${V1}/rules`, { params: { query: { periodId, path } } }).then(dataOf);
}

/** Sets the whole rule of a path: a field left out takes its default. */
export function putRule(periodId: string, path: string, body: RuleBody): Promise<Rule> {
  return api.PUT(`${V1}/rules`, { params: { query: { periodId, path } }, body }).then(dataOf);
}

export function listAssessments(periodId: string, path: string): Promise<Assessment[]> {
  return api.GET(`${V1}/assessments`, { params: { query: { periodId, path } } }).then(dataOf);
}

export function createAssessment(body: NewAssessment): Promise<Assessment> {
  return api.POST(`${V1}/assessments`, { body }).then(dataOf);
}

export function getSheet(id: string): Promise<Sheet> {
  return api.GET(`${V1}/assessments/{id}/sheet`, { params: { path: { id } } }).then(dataOf);
}

/** Marks of a sheet, all or nothing: `"12.5"`, `"ABI"`, `"ABJ"` or null to clear. */
export function putMarks(id: string, marks: { enrolmentId: string; mark: string | null }[]): Promise<MarksReport> {
  return api.PUT(`${V1}/assessments/{id}/marks`, { params: { path: { id } }, body: { marks } }).then(dataOf);
}

export function markHistory(id: string, enrolmentId: string): Promise<MarkHistory> {
  return api.GET(`${V1}/assessments/{id}/marks/{enrolmentId}/history`, { params: { path: { id, enrolmentId } } }).then(dataOf);
}

export function setLock(id: string, locked: boolean): Promise<Assessment> {
  const options = { params: { path: { id } } };
  return (locked ? api.POST(`${V1}/assessments/{id}/lock`, options) : api.POST(`${V1}/assessments/{id}/unlock`, options)).then(dataOf);
}

export function listJuries(periodId: string, formationId: string): Promise<Jury[]> {
  return api.GET(`${V1}/juries`, { params: { query: { periodId, formationId } } }).then(dataOf);
}

export function createJury(periodId: string, formationId: string, session: 1 | 2): Promise<Jury> {
  return api.POST(`${V1}/juries`, { body: { periodId, formationId, session } }).then(dataOf);
}

export function getJury(id: string): Promise<Jury> {
  return api.GET(`${V1}/juries/{id}`, { params: { path: { id } } }).then(dataOf);
}

/** The results of a jury: stored once it deliberated, else what it would store now (with its points). */
export function juryResults(jury: Pick<Jury, 'id' | 'status'>): Promise<JuryResult[]> {
  const options = { params: { path: { id: jury.id } } };
  return (jury.status === 'open' ? api.GET(`${V1}/juries/{id}/preview`, options) : api.GET(`${V1}/juries/{id}/results`, options)).then(dataOf);
}

/** Points added to a node's mark before its decision; "0" takes them back. */
export function putJuryPoints(id: string, enrolmentId: string, path: string, points: string): Promise<Jury> {
  return api.PUT(`${V1}/juries/{id}/points`, { params: { path: { id } }, body: { enrolmentId, path, points } }).then(dataOf);
}

export function deliberate(id: string): Promise<Jury> {
  return api.POST(`${V1}/juries/{id}/deliberate`, { params: { path: { id } } }).then(dataOf);
}

export function publish(id: string): Promise<Jury> {
  return api.POST(`${V1}/juries/{id}/publish`, { params: { path: { id } } }).then(dataOf);
}

export function myResults(): Promise<MyResult[]> {
  return api.GET(`${V1}/me/results`).then(dataOf);
}

/** The two documents a student downloads from their published results (the documents module writes them). */
export type ResultDocument = 'transcript' | 'pass-certificate';

/**
 * A student's transcript (relevé de notes) or pass certificate (attestation
 * de réussite) of a published jury, as PDF bytes, fetched with the token (a
 * plain link would not carry it); with the file name the API gives.
 */
export async function myResultDocument(juryId: string, document: ResultDocument, lang: string): Promise<{ blob: Blob; filename: string | null }> {
  const options = { params: { path: { juryId }, query: { lang: lang === 'en' ? ('en' as const) : ('fr' as const) } }, parseAs: 'blob' as const };
  const result =
    document === 'transcript'
      ? await api.GET('/api/documents/v1/me/juries/{juryId}/transcript', options)
      : await api.GET('/api/documents/v1/me/juries/{juryId}/pass-certificate', options);
  const disposition = result.response.headers.get('content-disposition') ?? '';
  return { blob: dataOf(result) as Blob, filename: /filename="([^"]+)"/.exec(disposition)?.[1] ?? null };
}

export type MarksImportReport = Json<'/api/assessment/v1/assessments/{id}/marks/import', 'post'>;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Imports a sheet's marks from a spreadsheet (.xlsx) or CSV, all or nothing:
 * the file's bytes as the body, with its type (a CSV by its name when the
 * browser gives none).
 */
export function importMarks(id: string, file: File): Promise<MarksImportReport> {
  const type = /\.csv$/i.test(file.name) ? 'text/csv' : XLSX;
  return api
    .POST(`${V1}/assessments/{id}/marks/import`, {
      params: { path: { id } },
      body: file as unknown as string,
      bodySerializer: (body: unknown) => body as Blob,
      headers: { 'content-type': type },
    })
    .then(dataOf);
}

/** The sheet as a file to fill in and import back (.xlsx), with the file name the API gives. */
export async function marksTemplate(id: string): Promise<{ blob: Blob; filename: string | null }> {
  const result = await api.GET(`${V1}/assessments/{id}/marks/template`, { params: { path: { id }, query: { format: 'xlsx' } }, parseAs: 'blob' });
  const disposition = result.response.headers.get('content-disposition') ?? '';
  return { blob: dataOf(result) as Blob, filename: /filename="([^"]+)"/.exec(disposition)?.[1] ?? null };
}

export type TaughtObject = paths['/api/assessment/v1/me/teaching']['get']['responses'][200]['content']['application/json'][number];

/** The course elements the signed-in teacher teaches, each with the sheets of its assessments. */
export function myTeaching(): Promise<TaughtObject[]> {
  return api.GET(`${V1}/me/teaching`, { params: { query: {} } }).then(dataOf);
}

/** Where a teacher opens a sheet: « Saisie des notes » with the assessment in the address (a link from their home). */
export function sheetLink(assessmentId: string): string {
  return `/mark-sheets?${new URLSearchParams({ assessment: assessmentId }).toString()}`;
}

export type ObjectTeachers = Json<'/api/assessment/v1/objects/{objectId}/teachers', 'get'>;

/** Who teaches a course element, who assigned them and when. */
export function objectTeachers(objectId: string): Promise<ObjectTeachers> {
  return api.GET(`${V1}/objects/{objectId}/teachers`, { params: { path: { objectId } } }).then(dataOf);
}

/** Sets every teacher of a course element by login: the list replaces the one before. */
export function putObjectTeachers(objectId: string, teachers: string[]): Promise<ObjectTeachers> {
  return api.PUT(`${V1}/objects/{objectId}/teachers`, { params: { path: { objectId } }, body: { teachers } }).then(dataOf);
}

export type RulesImportReport = Json<'/api/assessment/v1/rules/import', 'post'>;
export type RulesFreeze = Json<'/api/assessment/v1/rules/freeze', 'post'>;

/** The MCC of a formation as a spreadsheet (.xlsx) that imports back unchanged. */
export async function exportRules(periodId: string, formationId: string): Promise<{ blob: Blob; filename: string | null }> {
  const result = await api.GET(`${V1}/rules/export`, { params: { query: { periodId, formationId, format: 'xlsx' } }, parseAs: 'blob' });
  const disposition = result.response.headers.get('content-disposition') ?? '';
  return { blob: dataOf(result) as Blob, filename: /filename="([^"]+)"/.exec(disposition)?.[1] ?? null };
}

/** Imports the MCC of a formation from a spreadsheet (.xlsx) or CSV, all or nothing. */
export function importRules(periodId: string, formationId: string, file: File): Promise<RulesImportReport> {
  const type = /\.csv$/i.test(file.name) ? 'text/csv' : XLSX;
  return api
    .POST(`${V1}/rules/import`, {
      params: { query: { periodId, formationId } },
      body: file as unknown as string,
      bodySerializer: (body: unknown) => body as Blob,
      headers: { 'content-type': type },
    })
    .then(dataOf);
}

/** Freezes the adopted MCC of a formation for a period: its rules and assessments no longer change. */
export function freezeRules(periodId: string, formationId: string): Promise<RulesFreeze> {
  return api.POST(`${V1}/rules/freeze`, { params: { query: { periodId, formationId } } }).then(dataOf);
}

export function getPeriod(id: string): Promise<Period> {
  return api.GET('/api/referential/v1/periods/{id}', { params: { path: { id } } }).then(dataOf);
}

/** What a node of a results tree is called, by path (a results tree names its nodes by code only). */
export type PathLabels = ReadonlyMap<string, { fr: string; en?: string | null }>;

/** The labels of the signed-in student's cursus entries, by path: a student does not read the offer itself. */
export async function myCursusLabels(): Promise<PathLabels> {
  const cursus = await api.GET('/api/registration/v1/me/cursus').then(dataOf);
  return new Map(cursus.flatMap((one) => one.entries.map((entry) => [entry.path, entry.labels] as const)));
}

/** The labels of a formation's paths, from its tree. */
export async function treeLabels(formationId: string): Promise<PathLabels> {
  const tree = await offerTree(formationId);
  const objects = new Map(tree.objects.map((object) => [object.id, object.labels]));
  return new Map(tree.nodes.flatMap((node) => (objects.has(node.objectId) ? [[node.path, objects.get(node.objectId)!] as const] : [])));
}

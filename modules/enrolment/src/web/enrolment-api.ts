import { api, dataOf, type paths } from '@pegase/web-kit';

export type Enrolment = paths['/api/enrolment/v1/enrolments/{id}']['get']['responses'][200]['content']['application/json'];
export type EnrolmentQuery = NonNullable<paths['/api/enrolment/v1/enrolments']['get']['parameters']['query']>;
export type EnrolmentStatus = Enrolment['status'];
export type PaymentStatus = Enrolment['paymentStatus'];
export type EnrolmentDocument = paths['/api/enrolment/v1/enrolments/{id}/documents']['get']['responses'][200]['content']['application/json'][number];
export type DocumentStatus = EnrolmentDocument['status'];
export type Learner = paths['/api/enrolment/v1/learners/{id}']['get']['responses'][200]['content']['application/json'];
export type Period = paths['/api/referential/v1/periods/{id}']['get']['responses'][200]['content']['application/json'];
type NomenclatureValue = paths['/api/referential/v1/nomenclatures/{code}/values/{id}']['get']['responses'][200]['content']['application/json'];
type Labels = NomenclatureValue['labels'];

export const ENROLMENT_STATUSES: EnrolmentStatus[] = ['draft', 'submitted', 'validated', 'cancelled'];
export const PAYMENT_STATUSES: PaymentStatus[] = ['none', 'unpaid', 'pending', 'paid', 'exempt'];
/** The queue's documents filter: waiting for a review, something mandatory missing or rejected, everything accepted. */
export type DocumentsState = 'to-review' | 'missing' | 'complete';
export const DOCUMENTS_STATES: DocumentsState[] = ['to-review', 'missing', 'complete'];

/** What an upload may be (the server reads the type from the content and says so in a 415). */
export const UPLOAD_ACCEPT = 'application/pdf,image/jpeg,image/png';

/** Every key of this module's queries starts with it: one invalidation refreshes a page after a change. */
export const ENROLMENT = 'enrolment';

/** Keeps what rarely changes (learners, points, periods, nomenclatures) for the session's navigation. */
export const LOOKUP_STALE_MS = 300_000;

export function listEnrolments(query: EnrolmentQuery) {
  return api.GET('/api/enrolment/v1/enrolments', { params: { query } }).then(dataOf);
}

export async function getEnrolment(id: string): Promise<Enrolment> {
  return dataOf(await api.GET('/api/enrolment/v1/enrolments/{id}', { params: { path: { id } } }));
}

export function getLearner(id: string) {
  return api.GET('/api/enrolment/v1/learners/{id}', { params: { path: { id } } }).then(dataOf);
}

export function listDocuments(id: string) {
  return api.GET('/api/enrolment/v1/enrolments/{id}/documents', { params: { path: { id } } }).then(dataOf);
}

/** The enrolment point as staff read it in the offer: code, labels and its first path (as the enrolment module keeps it). */
export async function getPoint(id: string) {
  const [object, paths] = await Promise.all([
    api.GET('/api/curriculum/v1/objects/{id}', { params: { path: { id } } }).then(dataOf),
    api.GET('/api/curriculum/v1/objects/{id}/paths', { params: { path: { id } } }).then(dataOf),
  ]);
  return { id, code: object.code, labels: object.labels, path: paths.paths[0] ?? object.code };
}
export type Point = Awaited<ReturnType<typeof getPoint>>;

export function getPeriod(id: string) {
  return api.GET('/api/referential/v1/periods/{id}', { params: { path: { id } } }).then(dataOf);
}

/** The labels of a nomenclature's values (DOCUMENT-TYPE, REGIME), by code. */
export async function nomenclatureLabels(code: string): Promise<Record<string, Labels>> {
  const labels: Record<string, Labels> = {};
  let cursor: string | undefined;
  do {
    const page = await api
      .GET('/api/referential/v1/nomenclatures/{code}/values', {
        params: { path: { code }, query: { limit: 200, sort: 'code', ...(cursor ? { cursor } : {}) } },
      })
      .then(dataOf);
    for (const value of page.items) labels[value.code] = value.labels;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return labels;
}

export function reviewDocument(id: string, documentType: string, decision: 'accepted' | 'rejected', reason?: string) {
  return api
    .POST('/api/enrolment/v1/enrolments/{id}/documents/{documentType}/review', {
      params: { path: { id, documentType } },
      body: { decision, ...(reason ? { reason } : {}) },
    })
    .then(dataOf);
}

export function submitEnrolment(enrolment: Enrolment, idempotencyKey: string) {
  return api
    .POST('/api/enrolment/v1/enrolments/{id}/submit', { params: { path: { id: enrolment.id }, header: { 'idempotency-key': idempotencyKey } } })
    .then(dataOf);
}

export function validateEnrolment(enrolment: Enrolment) {
  return api
    .POST('/api/enrolment/v1/enrolments/{id}/validate', { params: { path: { id: enrolment.id }, header: { 'if-match': `"${enrolment.version}"` } } })
    .then(dataOf);
}

export function cancelEnrolment(enrolment: Enrolment, reason: string) {
  return api
    .POST('/api/enrolment/v1/enrolments/{id}/cancel', {
      params: { path: { id: enrolment.id }, header: { 'if-match': `"${enrolment.version}"` } },
      body: { reason },
    })
    .then(dataOf);
}

export type BulkAction = 'validate' | 'cancel';
export type BulkOutcome = paths['/api/enrolment/v1/enrolments/bulk']['post']['responses'][200]['content']['application/json'];

/** Validates or cancels (with the reason) several enrolments: each goes through or fails on its own, as the single action would. */
export function bulkEnrolmentAction(action: BulkAction, enrolmentIds: string[], reason?: string) {
  return api.POST('/api/enrolment/v1/enrolments/bulk', { body: { action, enrolmentIds, ...(reason === undefined ? {} : { reason }) } }).then(dataOf);
}

export function setPaymentStatus(enrolment: Enrolment, paymentStatus: PaymentStatus) {
  return api.PUT('/api/enrolment/v1/enrolments/{id}/payment-status', { params: { path: { id: enrolment.id } }, body: { paymentStatus } }).then(dataOf);
}

export function enrolmentHistory(id: string, cursor?: string) {
  return api.GET('/api/enrolment/v1/enrolments/{id}/history', { params: { path: { id }, query: { limit: 20, ...(cursor ? { cursor } : {}) } } }).then(dataOf);
}

/** A received file, with the bearer token (a plain link would not carry it). */
export async function downloadDocument(id: string, documentType: string): Promise<Blob> {
  return dataOf(await api.GET('/api/enrolment/v1/enrolments/{id}/documents/{documentType}/file', { params: { path: { id, documentType } }, parseAs: 'blob' }));
}

export function myEnrolments() {
  return api.GET('/api/enrolment/v1/me/enrolments').then(dataOf);
}

export function myDocuments(id: string) {
  return api.GET('/api/enrolment/v1/me/enrolments/{id}/documents', { params: { path: { id } } }).then(dataOf);
}

/**
 * Sends one of the student's documents: the file's bytes are the body, its
 * type the Content-Type (or application/octet-stream when the browser does
 * not know it: the server reads the type from the content anyway).
 */
export function uploadMyDocument(id: string, documentType: string, file: File) {
  return api
    .PUT('/api/enrolment/v1/me/enrolments/{id}/documents/{documentType}', {
      params: { path: { id, documentType } },
      // The route takes the file itself, not JSON: the generated types have no body for it.
      body: file as never,
      bodySerializer: (body: unknown) => body as Blob,
      headers: { 'content-type': file.type || 'application/octet-stream' },
    })
    .then(dataOf);
}

/** A key drawn once per submission: a retry sends it again and the server answers the same submission. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

import { api, dataOf, type paths } from '@pegase/web-kit';
import { ENROLMENT } from '../enrolment-api.ts';

/** The student's own side of enrolment and payment (`/me…`), as the typed client calls it. */
export type MyRecord = paths['/api/enrolment/v1/me']['get']['responses'][200]['content']['application/json'];
export type MyRecordPatch = paths['/api/enrolment/v1/me']['patch']['requestBody']['content']['application/json'];
export type Admission = paths['/api/enrolment/v1/me/admissions']['get']['responses'][200]['content']['application/json'][number];
export type MyEnrolmentPatch = paths['/api/enrolment/v1/me/enrolments/{id}']['patch']['requestBody']['content']['application/json'];
export type Readiness = paths['/api/enrolment/v1/me/enrolments/{id}/readiness']['get']['responses'][200]['content']['application/json'];
export type Fees = paths['/api/payment/v1/me/enrolments/{id}/fees']['get']['responses'][200]['content']['application/json'];
export type Payment = paths['/api/payment/v1/me/enrolments/{id}/payments']['get']['responses'][200]['content']['application/json'][number];
export type CertificateLanguage = 'fr' | 'en';

/** Query keys of the student's pages: all under ENROLMENT, so that one invalidation refreshes them after a change. */
export const selfKeys = {
  record: [ENROLMENT, 'me'] as const,
  admissions: [ENROLMENT, 'my-admissions'] as const,
  points: [ENROLMENT, 'my-points'] as const,
  enrolments: [ENROLMENT, 'mine'] as const,
  documents: (id: string) => [ENROLMENT, 'my-documents', id] as const,
  readiness: (id: string) => [ENROLMENT, 'my-readiness', id] as const,
  fees: (id: string) => [ENROLMENT, 'my-fees', id] as const,
  payments: (id: string) => [ENROLMENT, 'my-payments', id] as const,
};

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

export function getMyRecord() {
  return api.GET('/api/enrolment/v1/me').then(dataOf);
}

/** Changes the student's own record; 412 if it changed since they read it (another tab). */
export function updateMyRecord(patch: MyRecordPatch, version: number) {
  return api.PATCH('/api/enrolment/v1/me', { params: { header: ifMatch(version) }, body: patch }).then(dataOf);
}

export function myAdmissions() {
  return api.GET('/api/enrolment/v1/me/admissions').then(dataOf);
}

/** Starts the draft from an invitation (409 invitation-used or already-enrolled, 422 unknown-invitation). */
export function startMyEnrolment(invitationCode: string, regime: string, profiles: string[]) {
  return api.POST('/api/enrolment/v1/me/enrolments', { body: { invitationCode, regime, profiles } }).then(dataOf);
}

/** Changes the student's draft (409 not-draft once submitted). */
export function updateMyEnrolment(id: string, patch: MyEnrolmentPatch, version: number) {
  return api.PATCH('/api/enrolment/v1/me/enrolments/{id}', { params: { path: { id }, header: ifMatch(version) }, body: patch }).then(dataOf);
}

export function myReadiness(id: string) {
  return api.GET('/api/enrolment/v1/me/enrolments/{id}/readiness', { params: { path: { id } } }).then(dataOf);
}

/** Submits the student's enrolment; the same key again (a retry) answers the same submission. */
export function submitMyEnrolment(id: string, idempotencyKey: string) {
  return api.POST('/api/enrolment/v1/me/enrolments/{id}/submit', { params: { path: { id }, header: { 'idempotency-key': idempotencyKey } } }).then(dataOf);
}

export function myFees(id: string) {
  return api.GET('/api/payment/v1/me/enrolments/{id}/fees', { params: { path: { id } } }).then(dataOf);
}

export function myPayments(id: string) {
  return api.GET('/api/payment/v1/me/enrolments/{id}/payments', { params: { path: { id } } }).then(dataOf);
}

/** Opens a payment at the provider: the answer names the page to send the browser to, which comes back to `returnPath`. */
export function startMyPayment(id: string, instalments: 1 | 3, returnPath: string) {
  return api.POST('/api/payment/v1/me/enrolments/{id}/payments', { params: { path: { id } }, body: { instalments, returnPath } }).then(dataOf);
}

/**
 * Issues the certificate of enrolment as PDF, with the bearer token (a plain
 * link would not carry it), and its verification code (X-Certificate-Code).
 */
export async function myCertificate(id: string, lang: CertificateLanguage): Promise<{ blob: Blob; code: string | null }> {
  const result = await api.GET('/api/documents/v1/me/enrolments/{enrolmentId}/certificate', {
    params: { path: { enrolmentId: id }, query: { lang } },
    parseAs: 'blob',
  });
  return { blob: dataOf(result) as Blob, code: result.response.headers.get('x-certificate-code') };
}

/** The points of the student's admissions and enrolments, with their labels (what each leads to). */
export function myPoints() {
  return api.GET('/api/enrolment/v1/me/points').then(dataOf);
}

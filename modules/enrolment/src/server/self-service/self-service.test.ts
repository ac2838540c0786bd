import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenClaims } from '@pegase/platform';
import { completeRecord, enrolmentRuntime, previousSituation } from '../../../test/enrolment-fixture.ts';

const ada: TokenClaims = { subject: 'ada', login: 'ada', roles: ['student'], learnerCode: 'PGS0000001' };
const eve: TokenClaims = { subject: 'eve', login: 'eve', roles: ['student'], learnerCode: 'PGS0000099' };

describe('a student’s own enrolment over HTTP: record, draft, readiness, submission', () => {
  let f: Awaited<ReturnType<typeof enrolmentRuntime>>;
  let enrolmentId: string;
  const me = (method: string, url: string, body?: unknown, as: TokenClaims = ada, headers: Record<string, string> = {}) =>
    f.runtime.request(method, `/api/enrolment/v1/me${url}`, body, headers, as);

  beforeAll(async () => {
    f = await enrolmentRuntime();
    await f.call('POST', '/api/enrolment/v1/document-requirements', { documentType: 'PHOTO', mandatory: true });
    const [admission] = await f.admit(['Rousseau;Ada;2006-01-01']);
    const started = await me('POST', '/enrolments', { invitationCode: admission!.invitationCode, regime: 'FI' });
    expect(started.statusCode, started.body).toBe(201);
    enrolmentId = started.json().id;
    expect(started.json().previousSituation).toBeNull();
  });
  afterAll(async () => f.runtime.close());

  it('lists everything still missing before a submission, and refuses the submission meanwhile (422, nothing changes)', async () => {
    const readiness = await me('GET', `/enrolments/${enrolmentId}/readiness`);
    expect(readiness.statusCode, readiness.body).toBe(200);
    expect(readiness.json().ready).toBe(false);
    expect((readiness.json().missing as { field: string }[]).map((m) => m.field)).toEqual([
      '/learner/email',
      '/learner/phone',
      '/learner/address',
      '/learner/bac',
      '/enrolment/previousSituation',
      '/documents/PHOTO',
    ]);
    const refused = await me('POST', `/enrolments/${enrolmentId}/submit`, undefined, ada, { 'idempotency-key': 'ada-too-early-01' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ type: 'urn:pegase:problem:enrolment-incomplete' });
    expect(refused.json().errors).toHaveLength(6);
    expect((await me('GET', '/enrolments')).json()[0]).toMatchObject({ status: 'draft', version: 1 });
  });

  it('names the points of the student’s admissions and enrolments, and no other', async () => {
    const points = (await me('GET', '/points')).json() as { id: string; code: string; labels: { fr: string } }[];
    expect(points).toEqual([expect.objectContaining({ id: f.point.id, code: 'LIC-E-Y1', labels: { fr: 'LIC-E année 1' } })]);
    expect((await me('GET', '/points', undefined, eve)).json()).toEqual([]);
  });

  it('lets the student fill in contacts, address and bac, but not their civil-status identity', async () => {
    const names = await me('PATCH', '', { familyName: 'Dupont' });
    expect(names.statusCode).toBe(400);
    expect(names.json().type).toBe('urn:pegase:problem:validation');
    const badSeries = await me('PATCH', '', { bac: { year: 2024, series: 'ZZZ' } });
    expect(badSeries.statusCode).toBe(422);
    expect(badSeries.json().errors).toEqual([expect.objectContaining({ field: '/bac/series' })]);
    const before = (await me('GET', '')).json();
    const filled = await me('PATCH', '', completeRecord, ada, { 'if-match': `"${before.version}"` });
    expect(filled.statusCode, filled.body).toBe(200);
    expect(filled.json()).toMatchObject({ ...completeRecord, familyName: 'Rousseau', version: before.version + 1 });
    const stale = await me('PATCH', '', { phone: '0600000000' }, ada, { 'if-match': `"${before.version}"` });
    expect(stale.statusCode).toBe(412);
    const history = await f.runtime.request('GET', `/api/enrolment/v1/learners/${before.id}/history`);
    const [entry] = history.json().items as { action: string; actor: { subject: string }; changedFields: string[] }[];
    expect([entry!.action, entry!.actor.subject, entry!.changedFields]).toEqual(['learner.updated', 'ada', ['address', 'bac', 'email', 'phone']]);
    expect((await me('PATCH', '', { phone: '0600000000' }, { subject: 'nobody', roles: ['student'] })).statusCode).toBe(404);
  });

  it('lets the student give their previous situation on their own draft only, with a valid code', async () => {
    const invalid = await me('PATCH', `/enrolments/${enrolmentId}`, { previousSituation: { situation: 'PRISON', year: 2025 } });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().errors).toEqual([expect.objectContaining({ field: '/previousSituation/situation' })]);
    expect((await me('PATCH', `/enrolments/${enrolmentId}`, { previousSituation }, eve)).statusCode).toBe(404);
    expect((await me('PATCH', `/enrolments/${enrolmentId}`, {})).statusCode).toBe(400);
    const saved = await me('PATCH', `/enrolments/${enrolmentId}`, { previousSituation });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ previousSituation, status: 'draft', version: 2 });
  });

  it('submits once complete; a retry with the same key is the same submission; the draft is then closed to the student', async () => {
    const photo = Buffer.from(
      '89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082',
      'hex',
    );
    const sent = await f.runtime.request('PUT', `/api/enrolment/v1/me/enrolments/${enrolmentId}/documents/PHOTO`, photo, { 'content-type': 'image/png' }, ada);
    expect(sent.statusCode, sent.body).toBe(200);
    expect((await me('GET', `/enrolments/${enrolmentId}/readiness`)).json()).toEqual({ ready: true, missing: [] });
    const submit = () => me('POST', `/enrolments/${enrolmentId}/submit`, undefined, ada, { 'idempotency-key': 'ada-submit-0001' });
    const submitted = await submit();
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', previousSituation });
    expect((await submit()).json()).toEqual(submitted.json());
    const late = await me('PATCH', `/enrolments/${enrolmentId}`, { regime: 'FC' });
    expect(late.statusCode).toBe(409);
    expect(late.json().type).toBe('urn:pegase:problem:not-draft');
    expect((await me('POST', `/enrolments/${enrolmentId}/submit`, undefined, eve, { 'idempotency-key': 'eve-submit-0001' })).statusCode).toBe(404);
  });
});

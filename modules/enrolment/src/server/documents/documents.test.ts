import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenClaims } from '@pegase/platform';
import { enrolmentRuntime, staffOf } from '../../../test/enrolment-fixture.ts';

const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const student: TokenClaims = { subject: 'student-ada', login: 'ada', roles: ['student'], learnerCode: 'PGS0000001' };
const otherStudent: TokenClaims = { subject: 'student-bob', login: 'bob', roles: ['student'], learnerCode: 'PGS0000099' };

describe('supporting documents over HTTP', () => {
  let f: Awaited<ReturnType<typeof enrolmentRuntime>>;
  let enrolmentId: string;
  const staff = staffOf('UFR-E');
  const upload = (documentType: string, body: Buffer | string, type: string, as: TokenClaims = student) =>
    f.runtime.request('PUT', `/api/enrolment/v1/me/enrolments/${enrolmentId}/documents/${documentType}`, body, { 'content-type': type }, as);
  const mine = async () =>
    (await f.runtime.request('GET', `/api/enrolment/v1/me/enrolments/${enrolmentId}/documents`, undefined, {}, student)).json() as {
      documentType: string;
      status: string;
      mandatory: boolean;
      rejectReason: string | null;
    }[];

  beforeAll(async () => {
    f = await enrolmentRuntime();
    for (const requirement of [{ documentType: 'PHOTO' }, { documentType: 'IDENTITE' }, { documentType: 'BOURSE', profile: 'BOURSIER' }]) {
      await f.call('POST', '/api/enrolment/v1/document-requirements', requirement);
    }
    const enrolment = await f.call('POST', '/api/enrolment/v1/enrolments', {
      learnerId: f.learner.id,
      pointId: f.point.id,
      origin: 'PARCOURSUP',
      regime: 'FI',
      profiles: ['BOURSIER'],
    });
    enrolmentId = enrolment.id;
  });
  afterAll(async () => f.runtime.close());

  it('lists the documents the rules require for this enrolment, to the student only', async () => {
    const listed = await mine();
    expect(listed, JSON.stringify(listed)).toEqual([
      expect.objectContaining({ documentType: 'BOURSE', status: 'missing', mandatory: true }),
      expect.objectContaining({ documentType: 'IDENTITE', status: 'missing' }),
      expect.objectContaining({ documentType: 'PHOTO', status: 'missing' }),
    ]);
    const stranger = await f.runtime.request('GET', `/api/enrolment/v1/me/enrolments/${enrolmentId}/documents`, undefined, {}, otherStudent);
    expect(stranger.statusCode).toBe(404);
    const mineList = (await f.runtime.request('GET', '/api/enrolment/v1/me/enrolments', undefined, {}, student)).json();
    expect(mineList.map((e: { id: string }) => e.id)).toEqual([enrolmentId]);
  });

  it('reads the type from the content and refuses wrong, too big or unrequired files, changing nothing', async () => {
    const fake = await upload('PHOTO', 'MZ this is an executable named photo.png', 'image/png');
    expect(fake.json()).toMatchObject({ status: 415, type: 'urn:pegase:problem:unsupported-media-type' });
    const tooBig = await upload('PHOTO', Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]), 'image/png');
    expect(tooBig.json()).toMatchObject({ status: 413, type: 'urn:pegase:problem:payload-too-large' });
    const notRequired = await upload('JDC', pdf, 'application/pdf');
    expect(notRequired.json()).toMatchObject({ status: 422, type: 'urn:pegase:problem:document-not-required' });
    const json = await upload('PHOTO', '{"not":"a file"}', 'application/json');
    expect(json.statusCode).toBe(415);
    expect((await mine()).every((d) => d.status === 'missing')).toBe(true);
    const stranger = await upload('PHOTO', png, 'image/png', otherStudent);
    expect(stranger.statusCode).toBe(404);
  });

  it('takes a document from sent to rejected with a reason, replaced, accepted; validation waits for every mandatory one', async () => {
    const sent = await upload('PHOTO', png, 'application/octet-stream');
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ status: 'submitted', file: { mediaType: 'image/png', size: png.length } });
    // The queue's documents filter follows the documents: which of these three views lists the enrolment.
    const views = async () => {
      const listed: string[] = [];
      for (const state of ['to-review', 'missing', 'complete']) {
        const page = await f.runtime.request('GET', `/api/enrolment/v1/enrolments?documents=${state}`, undefined, {}, staff);
        expect(page.statusCode, page.body).toBe(200);
        if ((page.json().items as { id: string }[]).some((item) => item.id === enrolmentId)) listed.push(state);
      }
      return listed;
    };
    expect(await views()).toEqual(['to-review', 'missing']);
    const review = (documentType: string, body: unknown) =>
      f.runtime.request('POST', `/api/enrolment/v1/enrolments/${enrolmentId}/documents/${documentType}/review`, body, {}, staff);
    expect((await review('PHOTO', { decision: 'rejected' })).json()).toMatchObject({ status: 422, type: 'urn:pegase:problem:reason-required' });
    expect((await review('PHOTO', { decision: 'rejected', reason: 'Photo floue' })).json()).toMatchObject({ status: 'rejected', rejectReason: 'Photo floue' });
    expect((await mine()).find((d) => d.documentType === 'PHOTO')).toMatchObject({ status: 'rejected', rejectReason: 'Photo floue' });
    expect(await views()).toEqual(['missing']);
    expect(
      (await f.runtime.request('POST', `/api/enrolment/v1/enrolments/${enrolmentId}/documents/PHOTO/review`, { decision: 'accepted' }, {}, staffOf('UFR-L')))
        .statusCode,
    ).toBe(403);

    expect((await upload('PHOTO', png, 'image/png')).json().status).toBe('submitted');
    await upload('IDENTITE', pdf, 'application/pdf');
    await f.runtime.request('POST', `/api/enrolment/v1/enrolments/${enrolmentId}/submit`, undefined, { 'idempotency-key': 'docs-key-0001' }, staff);
    await f.runtime.request('PUT', `/api/enrolment/v1/enrolments/${enrolmentId}/payment-status`, { paymentStatus: 'paid' }, {}, staff);
    const blocked = await f.runtime.request('POST', `/api/enrolment/v1/enrolments/${enrolmentId}/validate`, undefined, {}, staff);
    expect(blocked.json()).toMatchObject({ status: 422, type: 'urn:pegase:problem:documents-pending' });
    expect(blocked.json().detail).toContain('BOURSE (missing)');

    const download = await f.runtime.request('GET', `/api/enrolment/v1/enrolments/${enrolmentId}/documents/IDENTITE/file`, undefined, {}, staff);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(pdf)).toBe(true);

    // A desk upload on the student's behalf, then every document accepted.
    const desk = await f.runtime.request(
      'PUT',
      `/api/enrolment/v1/enrolments/${enrolmentId}/documents/BOURSE`,
      pdf,
      { 'content-type': 'application/pdf' },
      staff,
    );
    expect(desk.statusCode, desk.body).toBe(200);
    expect(await views()).toEqual(['to-review']);
    for (const type of ['PHOTO', 'IDENTITE', 'BOURSE']) expect((await review(type, { decision: 'accepted' })).json().status).toBe('accepted');
    expect(await views()).toEqual(['complete']);
    expect((await upload('PHOTO', png, 'image/png')).json()).toMatchObject({ status: 409, type: 'urn:pegase:problem:document-accepted' });
    const validated = await f.runtime.request('POST', `/api/enrolment/v1/enrolments/${enrolmentId}/validate`, undefined, {}, staff);
    expect(validated.json()).toMatchObject({ status: 'validated' });
  });
});

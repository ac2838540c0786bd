import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenClaims } from '@pegase/platform';
import { completeOnline, enrolmentRuntime, staffOf } from '../../../test/enrolment-fixture.ts';

const ada: TokenClaims = { subject: 'ada', login: 'ada', roles: ['student'], learnerCode: 'PGS0000001' };
const csv = (text: string) => ({ 'content-type': 'text/csv; charset=utf-8', body: text });

describe('admissions and invitations over HTTP', () => {
  let f: Awaited<ReturnType<typeof enrolmentRuntime>>;
  const staff = staffOf('UFR-E');
  const importFile = (text: string, as: TokenClaims = staff, source = 'PARCOURSUP') =>
    f.runtime.request(
      'POST',
      `/api/enrolment/v1/points/${f.point.id}/admissions/import?source=${source}`,
      csv(text).body,
      { 'content-type': csv(text)['content-type'] },
      as,
    );

  beforeAll(async () => {
    f = await enrolmentRuntime();
  });
  afterAll(async () => f.runtime.close());

  const file = [
    'numero;nom;prénoms;date_naissance;ine;email',
    '1001;Durand;Alice Marie;02/04/2007;;alice@example.org',
    '1002;Rousseau;Ada;2006-01-01;;',
    '1003;Nguyen;Bao;2007-12-31;123456789XY;',
  ].join('\r\n');

  it('imports admitted candidates with an invitation code each; a file imported again adds nothing', async () => {
    const first = await importFile(`\uFEFF${file}`);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ invited: 3, alreadyInvited: 0 });
    const codes = (first.json().admissions as { invitationCode: string; birthDate: string }[]).map((a) => a.invitationCode);
    expect(new Set(codes).size).toBe(3);
    for (const code of codes) expect(code).toMatch(/^[A-HJKMNP-Z2-9]{16}$/);
    expect(first.json().admissions[0]).toMatchObject({ familyName: 'Durand', birthDate: '2007-04-02', candidateNumber: '1001', status: 'invited' });

    const again = await importFile(file);
    expect(again.json()).toMatchObject({ invited: 0, alreadyInvited: 3 });
    expect((again.json().admissions as { invitationCode: string }[]).map((a) => a.invitationCode)).toEqual(codes);
    const listed = await f.runtime.request('GET', `/api/enrolment/v1/points/${f.point.id}/admissions`, undefined, {}, staff);
    expect(listed.json()).toHaveLength(3);
  });

  it('reports every bad line with its number and imports nothing; staff of another faculty are refused', async () => {
    const bad = [
      'nom,prenoms,date_naissance,ine',
      'Martin,Paul,2007-01-01,',
      'Bernard,Zoé,31/02/2007,',
      'Petit,Léo,2007-05-05,12345',
      ',Anna,2007-06-06,',
    ].join('\n');
    const response = await importFile(bad);
    expect(response.statusCode).toBe(422);
    expect(response.json().type).toBe('urn:pegase:problem:invalid-file');
    expect((response.json().errors as { field: string }[]).map((e) => e.field)).toEqual(['/lines/3/birthDate', '/lines/4/ine', '/lines/5/familyName']);
    expect(response.json().detail).toContain('nothing was imported');
    expect((await f.runtime.request('GET', `/api/enrolment/v1/points/${f.point.id}/admissions`, undefined, {}, staff)).json()).toHaveLength(3);
    expect((await importFile(file, staffOf('UFR-L'))).json()).toMatchObject({ status: 403, type: 'urn:pegase:problem:outside-scope' });
    expect((await importFile('nom;prenoms\nA;B')).json()).toMatchObject({ status: 422, errors: [{ field: '/lines/1' }] });
    const notCsv = await f.runtime.request('POST', `/api/enrolment/v1/points/${f.point.id}/admissions/import?source=PARCOURSUP`, { a: 1 }, {}, staff);
    expect(notCsv.statusCode).toBe(415);
  });

  it('lets an admitted student start their enrolment from their invitation, once', async () => {
    const mine = (await f.runtime.request('GET', '/api/enrolment/v1/me/admissions', undefined, {}, ada)).json() as {
      invitationCode: string;
      familyName: string;
    }[];
    expect(mine.map((a) => a.familyName)).toEqual(['Rousseau']);
    const others = (await f.runtime.request('GET', `/api/enrolment/v1/points/${f.point.id}/admissions`, undefined, {}, staff)).json() as {
      invitationCode: string;
      familyName: string;
    }[];
    const notHers = others.find((a) => a.familyName === 'Durand')!.invitationCode;
    const refused = await f.runtime.request('POST', '/api/enrolment/v1/me/enrolments', { invitationCode: notHers, regime: 'FI' }, {}, ada);
    expect(refused.json()).toMatchObject({ status: 422, type: 'urn:pegase:problem:unknown-invitation' });

    const started = await f.runtime.request(
      'POST',
      '/api/enrolment/v1/me/enrolments',
      { invitationCode: mine[0]!.invitationCode.toLowerCase(), regime: 'FI' },
      {},
      ada,
    );
    expect(started.statusCode, started.body).toBe(201);
    expect(started.json()).toMatchObject({ status: 'draft', origin: 'PARCOURSUP', kind: 'main', pointId: f.point.id });
    const twice = await f.runtime.request('POST', '/api/enrolment/v1/me/enrolments', { invitationCode: mine[0]!.invitationCode, regime: 'FI' }, {}, ada);
    expect(twice.json()).toMatchObject({ status: 409, type: 'urn:pegase:problem:invitation-used' });

    // She completes it and submits it herself; a retry with the same key is the same submission.
    await completeOnline(f.runtime, ada, started.json().id);
    const submit = () =>
      f.runtime.request('POST', `/api/enrolment/v1/me/enrolments/${started.json().id}/submit`, undefined, { 'idempotency-key': 'ada-submit-0001' }, ada);
    const submitted = await submit();
    expect(submitted.json()).toMatchObject({ status: 'submitted' });
    expect((await submit()).json()).toEqual(submitted.json());
    const intruder: TokenClaims = { subject: 'eve', roles: ['student'], learnerCode: 'PGS0000099' };
    expect(
      (
        await f.runtime.request(
          'POST',
          `/api/enrolment/v1/me/enrolments/${started.json().id}/submit`,
          undefined,
          { 'idempotency-key': 'eve-submit-0001' },
          intruder,
        )
      ).statusCode,
    ).toBe(404);
  });

  it('invites the learners validated last year again, at the point of the same code', async () => {
    const [enrolment] = (await f.runtime.request('GET', `/api/enrolment/v1/enrolments?learnerId=${f.learner.id}`)).json().items as { id: string }[];
    await f.runtime.request('POST', `/api/enrolment/v1/enrolments/${enrolment!.id}/submit`, undefined, { 'idempotency-key': 'reinscription-0001' });
    await f.runtime.request('PUT', `/api/enrolment/v1/enrolments/${enrolment!.id}/payment-status`, { paymentStatus: 'paid' });
    expect((await f.runtime.request('POST', `/api/enrolment/v1/enrolments/${enrolment!.id}/validate`)).json().status).toBe('validated');

    const next = await f.call('POST', '/api/referential/v1/periods', {
      code: '2027-2028',
      type: 'academic-year',
      labels: { fr: 'Année 2027-2028' },
      startDate: '2027-09-01',
      endDate: '2028-08-31',
    });
    await f.runtime.drainEvents();
    await f.call('POST', `/api/curriculum/v1/periods/${f.period.id}/copy`, { toPeriodId: next.id }, 200);
    const copy = (await f.runtime.request('GET', `/api/curriculum/v1/objects?periodId=${next.id}&type=formation&q=LIC-E`)).json().items[0] as { id: string };
    await f.call('POST', `/api/curriculum/v1/objects/${copy.id}/validate`, undefined, 200);
    await f.runtime.drainEvents();

    const invited = await f.runtime.request('POST', `/api/enrolment/v1/periods/${next.id}/reinscriptions`, { fromPeriodId: f.period.id });
    expect(invited.statusCode, invited.body).toBe(200);
    expect(invited.json()).toEqual({ invited: 1, alreadyInvited: 0, withoutPoint: [] });
    const mine = (await f.runtime.request('GET', '/api/enrolment/v1/me/admissions', undefined, {}, ada)).json() as { source: string; periodId: string }[];
    expect(mine.find((a) => a.periodId === next.id)).toMatchObject({ source: 'REINSCRIPTION' });
    expect((await f.runtime.request('POST', `/api/enrolment/v1/periods/${next.id}/reinscriptions`, { fromPeriodId: f.period.id }, {}, staff)).statusCode).toBe(
      403,
    );
  });
});

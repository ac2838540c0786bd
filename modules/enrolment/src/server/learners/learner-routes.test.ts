import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenClaims } from '@pegase/platform';
import { createTestRuntime, type TestRuntime } from '@pegase/platform/testing';
import { referentialModule } from '@pegase/referential/module';
import { enrolmentModule } from '../module.ts';

const base = '/api/enrolment/v1/learners';
const staff: TokenClaims = { subject: 'u-staff', login: 'sophie', roles: ['staff'], structureCodes: ['UFR-SCI'] };
const student: TokenClaims = { subject: 'student1', login: 'student1', roles: ['student'], learnerCode: 'PGS0000001' };
const lostStudent: TokenClaims = { subject: 'nobody', login: 'nobody', roles: ['student'] };

const person = {
  familyName: 'Dupont',
  givenNames: 'Jean Pierre',
  birthDate: '2005-05-05',
  birthCountry: '100',
  birthCommune: '13055',
  sex: 'M',
  bac: { year: 2023, series: 'GENERAL', honours: 'AB' },
};

describe('learners over HTTP', () => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    // The sandbox brings the referential's nomenclatures (delivered to the read model) and four learners.
    runtime = await createTestRuntime([referentialModule, enrolmentModule], { sandbox: true });
  });
  afterAll(async () => runtime.close());

  it('creates a learner with the next learner code, and reads it back', async () => {
    const created = await runtime.request('POST', base, { ...person, ine: '1111111111A' }, {}, staff);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ code: 'PGS0000005', familyName: 'Dupont', ine: '1111111111A', bac: { series: 'GENERAL' } });
    const read = await runtime.request('GET', `${base}/${created.json().id}`, undefined, {}, staff);
    expect(read.headers['etag']).toBe('"1"');
  });

  it('accepts the three INE formats and refuses anything else', async () => {
    for (const [ine, status] of [
      ['222222222BC', 201],
      ['3333333333D', 201],
      ['4444A55555E', 201],
      ['12345', 400],
      ['12345678901', 400],
      ['444455555E1', 400],
    ] as const) {
      const response = await runtime.request('POST', `${base}?confirmNew=true`, { ...person, givenNames: `Ine ${ine}`, ine }, {}, staff);
      expect(response.statusCode, `${ine}: ${response.body}`).toBe(status);
      if (status === 400) expect(response.json().errors[0].field).toBe('/ine');
    }
  });

  it('refuses an INE already used, and reports a probable duplicate until confirmed', async () => {
    const again = await runtime.request('POST', base, { ...person, familyName: 'Autre', ine: '1111111111A' }, {}, staff);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ type: 'urn:pegase:problem:duplicate-ine', errors: [{ field: '/ine' }] });
    expect(again.json().detail).toContain('PGS0000005');

    // The same person typed differently: accents, case, a second given name missing.
    const twin = { ...person, familyName: 'DUPONT', givenNames: 'Jean', ine: null };
    const reported = await runtime.request('POST', base, twin, {}, staff);
    expect(reported.statusCode).toBe(409);
    expect(reported.json().type).toBe('urn:pegase:problem:probable-duplicate');
    expect(reported.json().candidates.map((c: { code: string }) => c.code)).toContain('PGS0000005');
    const count = async () => (await runtime.request('GET', `${base}?q=dupont&limit=50`, undefined, {}, staff)).json().items.length as number;
    const before = await count();
    const confirmed = await runtime.request('POST', `${base}?confirmNew=true`, twin, {}, staff);
    expect(confirmed.statusCode).toBe(201);
    expect(await count()).toBe(before + 1);
  });

  it('reports every broken rule at once: dates out of range, codes unknown or not valid that year', async () => {
    const response = await runtime.request(
      'POST',
      base,
      {
        ...person,
        givenNames: 'Règles',
        birthDate: '1850-01-01',
        birthCountry: '999',
        birthCommune: '13055',
        sex: 'Z',
        bac: { year: 2010, series: 'GENERAL' },
        firstHigherEducation: { year: 2005 },
      },
      {},
      staff,
    );
    expect(response.statusCode).toBe(422);
    expect(response.json().type).toBe('urn:pegase:problem:invalid-learner');
    const fields = (response.json().errors as { field: string; message: string }[]).map((e) => `${e.field} ${e.message}`).sort();
    expect(fields).toEqual([
      '/bac/series was not a valid BAC-SERIES value on 2010-07-01',
      '/birthCommune is for a birth in France only (country 100)',
      '/birthCountry is not a value of the nomenclature COUNTRY',
      expect.stringMatching(/^\/birthDate must be between 1900-01-01 and \d{4}-\d{2}-\d{2}$/),
      '/firstHigherEducation/year must not be before the bac year',
      '/sex is not a value of the nomenclature SEX',
    ]);
  });

  it('finds learners by name with accents and case ignored, close spellings too, and by INE or code exactly', async () => {
    const names = async (q: string) =>
      ((await runtime.request('GET', `${base}?q=${encodeURIComponent(q)}`, undefined, {}, staff)).json().items as { code: string; familyName: string }[]).map(
        (l) => l.familyName,
      );
    expect((await names('lefevre'))[0]).toBe('Lefèvre');
    expect((await names('ELOISE LEFEVRE'))[0]).toBe('Lefèvre');
    expect((await names('nguyen'))[0]).toBe('Lefèvre'); // the usage name
    expect((await names('Lefebvre'))[0]).toBe('Lefèvre'); // a close spelling
    expect(await names('0123a45678z')).toEqual(['Lefèvre']);
    expect(await names('PGS0000002')).toEqual(['Bernard']);
    expect(await names('Zyxwvut')).toEqual([]);
  });

  it('lets a student read their own record only, and corrects a record with its history', async () => {
    const me = await runtime.request('GET', '/api/enrolment/v1/me', undefined, {}, student);
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ code: 'PGS0000001', familyName: 'Martin' });
    expect((await runtime.request('GET', '/api/enrolment/v1/me', undefined, {}, lostStudent)).statusCode).toBe(404);
    expect((await runtime.request('GET', base, undefined, {}, student)).statusCode).toBe(403);
    expect((await runtime.request('GET', `${base}/${me.json().id}`, undefined, {}, student)).statusCode).toBe(403);

    const patched = await runtime.request('PATCH', `${base}/${me.json().id}`, { email: 'camille.m@etu.example.org' }, { 'if-match': '"1"' }, staff);
    expect(patched.statusCode, patched.body).toBe(200);
    const history = (await runtime.request('GET', `${base}/${me.json().id}/history`, undefined, {}, staff)).json().items;
    expect(history[0]).toMatchObject({ action: 'learner.updated', changedFields: ['email'], actor: { login: 'sophie' } });
    const stale = await runtime.request('PATCH', `${base}/${me.json().id}`, { phone: '0600000000' }, { 'if-match': '"1"' }, staff);
    expect(stale.statusCode).toBe(412);
  });
});

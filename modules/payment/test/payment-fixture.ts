import { expect } from 'vitest';
import type { TokenClaims } from '@pegase/platform';
import { createTestRuntime } from '@pegase/platform/testing';
import { curriculumModule } from '@pegase/curriculum/module';
import { enrolmentModule } from '@pegase/enrolment/module';
import { referentialModule } from '@pegase/referential/module';
import { paymentModule } from '../src/server/module.ts';
import { sign, SIGNATURE_HEADER } from '../src/server/provider/signature.ts';
import { testProviderSecret } from '../src/server/provider/test-provider.ts';

export const student = (learnerCode: string): TokenClaims => ({
  subject: `student-${learnerCode}`,
  login: learnerCode.toLowerCase(),
  roles: ['student'],
  learnerCode,
});

export const staffOf = (code: string): TokenClaims => ({
  subject: `staff-${code}`,
  login: `staff.${code.toLowerCase()}`,
  roles: ['staff'],
  structureCodes: [code],
});

/** Licence 178 €, Master 254,50 € (odd cents, for the rounding), BOURSIER and PUPILLE exempt, two reductions, an extra line for the Master. */
export const RULES = {
  levels: [
    { level: 'LICENCE', labels: { fr: 'Droits d’inscription — Licence', en: 'Tuition fees — Licence' }, amountCents: 17800 },
    { level: 'MASTER', labels: { fr: 'Droits d’inscription — Master' }, amountCents: 25450 },
  ],
  adjustments: [
    { profile: 'BOURSIER', kind: 'exemption', labels: { fr: 'Exonération — boursier', en: 'Exemption — scholarship holder' } },
    { profile: 'PUPILLE', kind: 'exemption', labels: { fr: 'Exonération — pupille de la Nation' } },
    { profile: 'HANDICAP', kind: 'reduction', percent: 33, labels: { fr: 'Réduction — situation de handicap' } },
    { profile: 'SALARIE', kind: 'reduction', amountCents: 5000, labels: { fr: 'Réduction — étudiant salarié' } },
  ],
  extras: [{ code: 'MED-PREV', labels: { fr: 'Médecine préventive', en: 'Preventive medicine' }, amountCents: 510, levels: ['MASTER'] }],
  instalments: true,
};

/**
 * The referential, the curriculum, enrolment and payment together, with
 * what a payment needs made through their APIs: nomenclatures, two
 * faculties, a period, a validated formation per faculty whose year is an
 * enrolment point (sciences: Licence; law: Master), the period's fee rules,
 * the points' levels, the test provider chosen, and two learners
 * (PGS0000001 Ada, PGS0000002 Bob).
 */
export async function paymentRuntime() {
  const runtime = await createTestRuntime([referentialModule, curriculumModule, enrolmentModule, paymentModule]);
  const call = async (method: string, url: string, body?: unknown, expected = 201, as?: TokenClaims) => {
    const response = await runtime.request(method, url, body, {}, as);
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(expected);
    return response.json() as { id: string } & Record<string, unknown>;
  };
  const nomenclature = async (code: string, values: string[]) => {
    await call('POST', '/api/referential/v1/nomenclatures', { code, labels: { fr: code } });
    for (const value of values)
      await call('POST', `/api/referential/v1/nomenclatures/${code}/values`, { code: value, labels: { fr: value }, validFrom: '1900-01-01' });
  };
  await nomenclature('COUNTRY', ['100']);
  await nomenclature('SEX', ['F', 'M']);
  await nomenclature('REGIME', ['FI', 'FC']);
  await nomenclature('ENROLMENT-ORIGIN', ['PARCOURSUP', 'MANUELLE']);
  await nomenclature('PROFILE', ['BOURSIER', 'PUPILLE', 'HANDICAP', 'SALARIE']);
  const period = await call('POST', '/api/referential/v1/periods', {
    code: '2026-2027',
    type: 'academic-year',
    labels: { fr: 'Année 2026-2027' },
    startDate: '2026-09-01',
    endDate: '2027-08-31',
  });
  const sciences = await call('POST', '/api/referential/v1/structures', { code: 'UFR-E', type: 'ufr', labels: { fr: 'UFR E' } });
  const law = await call('POST', '/api/referential/v1/structures', { code: 'UFR-L', type: 'ufr', labels: { fr: 'UFR L' } });
  await runtime.drainEvents();

  const formation = async (code: string, owner: string) => {
    const root = await call('POST', '/api/curriculum/v1/objects', {
      periodId: period.id,
      code,
      type: 'formation',
      labels: { fr: code },
      ownerStructureId: owner,
    });
    const year = await call('POST', '/api/curriculum/v1/objects', {
      periodId: period.id,
      code: `${code}-Y1`,
      type: 'year',
      labels: { fr: `${code} année 1` },
      enrolmentPoint: true,
      ownerStructureId: owner,
      parentId: root.id,
    });
    await call('POST', `/api/curriculum/v1/objects/${root.id}/validate`, undefined, 200);
    return year;
  };
  const point = await formation('LIC-E', sciences.id);
  const lawPoint = await formation('MAS-L', law.id);
  const learner = async (familyName: string, givenNames: string) =>
    call('POST', '/api/enrolment/v1/learners', { familyName, givenNames, birthDate: '2006-01-01', birthCountry: '100', sex: 'F' });
  const ada = await learner('Rousseau', 'Ada');
  const bob = await learner('Martin', 'Bob');
  await runtime.drainEvents();

  await call('PUT', '/api/payment/v1/settings', { provider: 'test' }, 200);
  await call('PUT', `/api/payment/v1/periods/${period.id}/fee-rules`, RULES, 200);
  await call('PUT', `/api/payment/v1/points/${point.id}/level`, { level: 'LICENCE' }, 200);
  await call('PUT', `/api/payment/v1/points/${lawPoint.id}/level`, { level: 'MASTER' }, 200);

  /** An enrolment (draft) made by an admin, known to the payment module once its event is delivered. */
  const enrol = async (learnerId: string, pointId: string, profiles: string[] = [], kind: 'main' | 'secondary' = 'secondary') => {
    const enrolment = await call('POST', '/api/enrolment/v1/enrolments', { learnerId, pointId, origin: 'MANUELLE', regime: 'FI', kind, profiles });
    await runtime.drainEvents();
    return enrolment;
  };

  /** Calls back as the test provider would: the body signed with the shared secret (or another one). */
  const callback = async (body: Record<string, unknown>, secret?: string) => {
    const raw = JSON.stringify(body);
    return runtime.request(
      'POST',
      '/api/payment/v1/provider/test/callback',
      raw,
      { 'content-type': 'application/json', [SIGNATURE_HEADER]: sign(raw, secret ?? (await testProviderSecret(runtime.database.db))) },
      null,
    );
  };

  return { runtime, call, period, sciences, law, point, lawPoint, ada, bob, enrol, callback };
}

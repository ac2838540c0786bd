import { expect } from 'vitest';
import type { TokenClaims } from '@pegase/platform';
import { createTestRuntime } from '@pegase/platform/testing';
import { curriculumModule } from '@pegase/curriculum/module';
import { enrolmentModule } from '@pegase/enrolment/module';
import { referentialModule } from '@pegase/referential/module';
import { registrationModule } from '@pegase/registration/module';
import { assessmentModule } from '../src/server/module.ts';

export const staffOf = (code: string): TokenClaims => ({
  subject: `staff-${code}`,
  login: `staff.${code.toLowerCase()}`,
  roles: ['staff'],
  structureCodes: [code],
});
export const teacherOf = (code: string): TokenClaims => ({
  subject: `teacher-${code}`,
  login: `teacher.${code.toLowerCase()}`,
  roles: ['teacher'],
  structureCodes: [code],
});

const L1 = 'LIC-INFO>LIC-INFO-L1';

/**
 * The referential, the curriculum, enrolment, registration and assessment
 * together, set up through their APIs. The offer of 2026-2027, validated,
 * owned by UFR-S (UFR-L owns nothing of it):
 *
 *   LIC-INFO > LIC-INFO-L1 (year, enrolment point) > S1 > UE1 > EC11 (9 ECTS), EC12 (6 ECTS)
 *                                                      > UE2 > EC21 (9 ECTS), EC22 (6 ECTS)
 *
 * DOMAIN.md's worked examples. Assessment learns the offer, the learners and
 * their cursus (built by registration at validation) from the events.
 */
export async function assessmentRuntime() {
  const runtime = await createTestRuntime([referentialModule, curriculumModule, enrolmentModule, registrationModule, assessmentModule]);
  const call = async (method: string, url: string, body?: unknown, expected = 201, headers: Record<string, string> = {}) => {
    const response = await runtime.request(method, url, body, headers);
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(expected);
    return response.json() as { id: string; code: string; version: number };
  };
  const nomenclature = async (code: string, values: string[]) => {
    await call('POST', '/api/referential/v1/nomenclatures', { code, labels: { fr: code } });
    for (const value of values)
      await call('POST', `/api/referential/v1/nomenclatures/${code}/values`, { code: value, labels: { fr: value }, validFrom: '1900-01-01' });
  };
  await nomenclature('COUNTRY', ['100']);
  await nomenclature('SEX', ['F', 'M']);
  await nomenclature('REGIME', ['FI']);
  await nomenclature('ENROLMENT-ORIGIN', ['MANUELLE']);
  const period = await call('POST', '/api/referential/v1/periods', {
    code: '2026-2027',
    type: 'academic-year',
    labels: { fr: 'Année universitaire 2026-2027' },
    startDate: '2026-09-01',
    endDate: '2027-08-31',
  });
  const science = await call('POST', '/api/referential/v1/structures', { code: 'UFR-S', type: 'ufr', labels: { fr: 'UFR de sciences' } });
  await call('POST', '/api/referential/v1/structures', { code: 'UFR-L', type: 'ufr', labels: { fr: 'UFR de lettres' } });
  await runtime.drainEvents();

  const object = (code: string, type: string, parentId: string | null, extra: Record<string, unknown> = {}) =>
    call('POST', '/api/curriculum/v1/objects', { periodId: period.id, code, type, labels: { fr: code }, ownerStructureId: science.id, parentId, ...extra });
  const info = await object('LIC-INFO', 'formation', null);
  const infoL1 = await object('LIC-INFO-L1', 'year', info.id, { enrolmentPoint: true });
  const s1 = await object('S1', 'semester', infoL1.id);
  const ue1 = await object('UE1', 'ue', s1.id);
  const ec11 = await object('EC11', 'ec', ue1.id, { ects: 9 });
  const ec12 = await object('EC12', 'ec', ue1.id, { ects: 6 });
  const ue2 = await object('UE2', 'ue', s1.id);
  await object('EC21', 'ec', ue2.id, { ects: 9 });
  await object('EC22', 'ec', ue2.id, { ects: 6 });
  await call('POST', `/api/curriculum/v1/objects/${info.id}/validate`, undefined, 200);
  await runtime.drainEvents();

  let learners = 0;
  /** A learner with a validated enrolment at L1 (no document required, fees waived): registration builds their cursus. */
  const validatedLearner = async (familyName?: string) => {
    learners++;
    const learner = await call('POST', '/api/enrolment/v1/learners?confirmNew=true', {
      familyName: familyName ?? `Note${String.fromCharCode(65 + (learners % 26))}${learners}`,
      givenNames: 'Camille',
      birthDate: '2006-01-01',
      birthCountry: '100',
      sex: 'F',
    });
    const enrolment = await call('POST', '/api/enrolment/v1/enrolments', { learnerId: learner.id, pointId: infoL1.id, origin: 'MANUELLE', regime: 'FI' });
    await call('POST', `/api/enrolment/v1/enrolments/${enrolment.id}/submit`, undefined, 200, { 'idempotency-key': `submit-${enrolment.id}` });
    await call('PUT', `/api/enrolment/v1/enrolments/${enrolment.id}/payment-status`, { paymentStatus: 'exempt' }, 200);
    await call('POST', `/api/enrolment/v1/enrolments/${enrolment.id}/validate`, undefined, 200);
    await runtime.drainEvents();
    return { learner, enrolment };
  };
  return {
    runtime,
    call,
    period,
    science,
    info,
    infoL1,
    validatedLearner,
    /** Object ids of the course elements of UE1 (teaching assignments are made on objects). */
    objectIds: { ec11: ec11.id, ec12: ec12.id },
    paths: {
      l1: L1,
      s1: `${L1}>S1`,
      ue1: `${L1}>S1>UE1`,
      ue2: `${L1}>S1>UE2`,
      ec11: `${L1}>S1>UE1>EC11`,
      ec12: `${L1}>S1>UE1>EC12`,
      ec21: `${L1}>S1>UE2>EC21`,
      ec22: `${L1}>S1>UE2>EC22`,
    },
  };
}

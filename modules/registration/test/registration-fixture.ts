import { expect } from 'vitest';
import type { TokenClaims } from '@pegase/platform';
import { createTestRuntime } from '@pegase/platform/testing';
import { curriculumModule } from '@pegase/curriculum/module';
import { enrolmentModule } from '@pegase/enrolment/module';
import { referentialModule } from '@pegase/referential/module';
import { registrationModule } from '../src/server/module.ts';

export const staffOf = (code: string): TokenClaims => ({
  subject: `staff-${code}`,
  login: `staff.${code.toLowerCase()}`,
  roles: ['staff'],
  structureCodes: [code],
});
export const studentOf = (learnerCode: string): TokenClaims => ({
  subject: `student-${learnerCode}`,
  login: learnerCode.toLowerCase(),
  roles: ['student'],
  learnerCode,
});

/**
 * The referential, the curriculum, enrolment and registration together, set
 * up through their APIs. The offer of 2026-2027, validated:
 *
 *   LIC-INFO > LIC-INFO-L1 (enrolment point) > S1 > UE-FOND > ALGO
 *                                                 > OPT (grouping, 1 to 2) > ESPAGNOL (2 seats), ALLEMAND, CHINOIS (closed)
 *                                                 > SPORT (grouping, 0 to 1) > RUGBY (50 seats)
 *   LIC-MATH > LIC-MATH-L1 (enrolment point) > OPT-M (grouping, 1 to 1) > ESPAGNOL (the same object: shared)
 *
 * Registration learns all of it from the events.
 */
export async function registrationRuntime() {
  const runtime = await createTestRuntime([referentialModule, curriculumModule, enrolmentModule, registrationModule]);
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
  const ue = await object('UE-FOND', 'ue', s1.id);
  await object('ALGO', 'ec', ue.id, { ects: 6 });
  const opt = await object('OPT', 'grouping', s1.id, { choice: { min: 1, max: 2 } });
  const spanish = await object('ESPAGNOL', 'ec', opt.id, { capacity: 2, openForChoice: true, ects: 3 });
  const german = await object('ALLEMAND', 'ec', opt.id, { openForChoice: true, ects: 3 });
  await object('CHINOIS', 'ec', opt.id, { openForChoice: false, ects: 3 });
  const sport = await object('SPORT', 'grouping', s1.id, { choice: { min: 0, max: 1 } });
  const rugby = await object('RUGBY', 'ec', sport.id, { capacity: 50, openForChoice: true });
  const math = await object('LIC-MATH', 'formation', null);
  const mathL1 = await object('LIC-MATH-L1', 'year', math.id, { enrolmentPoint: true });
  const optM = await object('OPT-M', 'grouping', mathL1.id, { choice: { min: 1, max: 1 } });
  await call('PUT', `/api/curriculum/v1/objects/${optM.id}/children/${spanish.id}`, {}, 200);
  await call('POST', `/api/curriculum/v1/objects/${info.id}/validate`, undefined, 200);
  await call('POST', `/api/curriculum/v1/objects/${math.id}/validate`, undefined, 200);
  await runtime.drainEvents();

  let learners = 0;
  /** A learner with a validated enrolment at the point (no document required, fees waived). */
  const validatedLearner = async (pointId: string) => {
    learners++;
    const learner = await call('POST', '/api/enrolment/v1/learners?confirmNew=true', {
      familyName: `Choix${String.fromCharCode(65 + (learners % 26))}${learners}`,
      givenNames: 'Camille',
      birthDate: '2006-01-01',
      birthCountry: '100',
      sex: 'F',
    });
    const enrolment = await call('POST', '/api/enrolment/v1/enrolments', { learnerId: learner.id, pointId, origin: 'MANUELLE', regime: 'FI' });
    await call('POST', `/api/enrolment/v1/enrolments/${enrolment.id}/submit`, undefined, 200, { 'idempotency-key': `submit-${enrolment.id}` });
    await call('PUT', `/api/enrolment/v1/enrolments/${enrolment.id}/payment-status`, { paymentStatus: 'exempt' }, 200);
    await call('POST', `/api/enrolment/v1/enrolments/${enrolment.id}/validate`, undefined, 200);
    return { learner, enrolment, student: studentOf(learner.code) };
  };
  const openWindow = (formationId: string, open = true) => {
    const now = Date.now();
    const [opensAt, closesAt] = open ? [now - 3_600_000, now + 3_600_000] : [now - 7_200_000, now - 3_600_000];
    return call(
      'PUT',
      `/api/registration/v1/formations/${formationId}/choice-window`,
      { opensAt: new Date(opensAt).toISOString(), closesAt: new Date(closesAt).toISOString() },
      200,
    );
  };
  return {
    runtime,
    call,
    period,
    science,
    info,
    infoL1,
    opt,
    spanish,
    german,
    sport,
    rugby,
    math,
    mathL1,
    optM,
    validatedLearner,
    openWindow,
    paths: {
      opt: 'LIC-INFO>LIC-INFO-L1>S1>OPT',
      spanish: 'LIC-INFO>LIC-INFO-L1>S1>OPT>ESPAGNOL',
      german: 'LIC-INFO>LIC-INFO-L1>S1>OPT>ALLEMAND',
      chinese: 'LIC-INFO>LIC-INFO-L1>S1>OPT>CHINOIS',
      sport: 'LIC-INFO>LIC-INFO-L1>S1>SPORT',
      rugby: 'LIC-INFO>LIC-INFO-L1>S1>SPORT>RUGBY',
      optM: 'LIC-MATH>LIC-MATH-L1>OPT-M',
      spanishM: 'LIC-MATH>LIC-MATH-L1>OPT-M>ESPAGNOL',
    },
  };
}

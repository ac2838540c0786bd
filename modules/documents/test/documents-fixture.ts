import { expect } from 'vitest';
import type { TokenClaims } from '@pegase/platform';
import { createTestRuntime } from '@pegase/platform/testing';
import { curriculumModule } from '@pegase/curriculum/module';
import { enrolmentModule } from '@pegase/enrolment/module';
import { referentialModule } from '@pegase/referential/module';
import { registrationModule } from '@pegase/registration/module';
import { assessmentModule } from '@pegase/assessment/module';
import { createDocumentsModule } from '../src/server/module.ts';

export const PUBLIC_URL = 'https://scolarite.example.fr';

/**
 * The referential, the curriculum, enrolment and documents together, with
 * what a certificate needs made through their APIs: the establishment, two
 * faculties, an academic year, a validated formation of each faculty whose
 * year is an enrolment point, and two learners. Documents learns all of it
 * from the events. With `results`, registration and assessment run too
 * (cursus, marks, juries): transcripts and pass certificates come from the
 * results juries publish.
 */
export async function documentsRuntime(options: { establishment?: boolean; results?: boolean } = {}) {
  const documents = createDocumentsModule({ publicUrl: PUBLIC_URL });
  const runtime = await createTestRuntime(
    options.results === true
      ? [referentialModule, curriculumModule, enrolmentModule, documents, registrationModule, assessmentModule]
      : [referentialModule, curriculumModule, enrolmentModule, documents],
  );
  const call = async (method: string, url: string, body?: unknown, expected = 201, headers: Record<string, string> = {}) => {
    const response = await runtime.request(method, url, body, headers);
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(expected);
    return response.json() as { id: string; code: string };
  };
  const setEstablishment = () => call('PUT', '/api/referential/v1/establishment', { uai: '0999999F', name: 'Université Pégase', city: 'Lyon' });
  if (options.establishment !== false) await setEstablishment();
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
    labels: { fr: 'Année universitaire 2026-2027', en: 'Academic year 2026-2027' },
    startDate: '2026-09-01',
    endDate: '2027-08-31',
  });
  const economics = await call('POST', '/api/referential/v1/structures', { code: 'UFR-E', type: 'ufr', labels: { fr: 'UFR d’économie' } });
  const law = await call('POST', '/api/referential/v1/structures', { code: 'UFR-L', type: 'ufr', labels: { fr: 'UFR de droit' } });
  await runtime.drainEvents();

  const formation = async (code: string, owner: string, labels: { fr: string; en: string }, yearLabels: { fr: string; en: string }) => {
    const root = await call('POST', '/api/curriculum/v1/objects', { periodId: period.id, code, type: 'formation', labels, ownerStructureId: owner });
    const year = await call('POST', '/api/curriculum/v1/objects', {
      periodId: period.id,
      code: `${code}-L1`,
      type: 'year',
      labels: yearLabels,
      enrolmentPoint: true,
      ownerStructureId: owner,
      parentId: root.id,
    });
    await call('POST', `/api/curriculum/v1/objects/${root.id}/validate`, undefined, 200);
    return year;
  };
  const point = await formation(
    'LIC-ECO',
    economics.id,
    { fr: 'Licence Économie', en: 'Bachelor of Economics' },
    { fr: 'L1 Économie', en: 'First year of Economics' },
  );
  const lawPoint = await formation('LIC-DROIT', law.id, { fr: 'Licence Droit', en: 'Bachelor of Laws' }, { fr: 'L1 Droit', en: 'First year of Law' });
  const learner = await call('POST', '/api/enrolment/v1/learners', {
    ine: '123456789AB',
    familyName: 'Lefèvre',
    givenNames: 'Éloïse Ada',
    birthDate: '2006-01-01',
    birthCountry: '100',
    sex: 'F',
  });
  const other = await call('POST', '/api/enrolment/v1/learners', {
    familyName: 'Martin',
    givenNames: 'Bob',
    birthDate: '2005-05-05',
    birthCountry: '100',
    sex: 'M',
  });
  await runtime.drainEvents();

  /** An enrolment as far as asked: draft; submitted (fees unsettled); submitted with fees waived; or validated. */
  const enrol = async (learnerId: string, pointId: string, status: 'draft' | 'submitted' | 'settled' | 'validated' = 'validated') => {
    const enrolment = await call('POST', '/api/enrolment/v1/enrolments', { learnerId, pointId, origin: 'MANUELLE', regime: 'FI' });
    if (status !== 'draft') {
      await call('POST', `/api/enrolment/v1/enrolments/${enrolment.id}/submit`, undefined, 200, { 'idempotency-key': `submit-${enrolment.id}` });
    }
    if (status === 'settled' || status === 'validated') {
      await call('PUT', `/api/enrolment/v1/enrolments/${enrolment.id}/payment-status`, { paymentStatus: 'exempt' }, 200);
    }
    if (status === 'validated') await call('POST', `/api/enrolment/v1/enrolments/${enrolment.id}/validate`, undefined, 200);
    await runtime.drainEvents();
    return enrolment;
  };
  const studentOf = (learnerCode: string): TokenClaims => ({
    subject: `student-${learnerCode}`,
    login: learnerCode.toLowerCase(),
    roles: ['student'],
    learnerCode,
  });
  return { runtime, call, setEstablishment, period, economics, law, point, lawPoint, learner, other, enrol, studentOf };
}

export const staffOf = (code: string): TokenClaims => ({
  subject: `staff-${code}`,
  login: `staff.${code.toLowerCase()}`,
  roles: ['staff'],
  structureCodes: [code],
});

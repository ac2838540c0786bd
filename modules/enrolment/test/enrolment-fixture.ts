import { expect } from 'vitest';
import type { PegaseModule, TokenClaims } from '@pegase/platform';
import { createTestRuntime } from '@pegase/platform/testing';
import { curriculumModule } from '@pegase/curriculum/module';
import { referentialModule } from '@pegase/referential/module';
import { enrolmentModule } from '../src/server/module.ts';

/**
 * The referential, the curriculum and enrolment together, with what an
 * enrolment needs made through their APIs: nomenclature values, two
 * faculties, a period, a validated formation whose year is an enrolment
 * point (announced to enrolment by the curriculum's event), and a learner.
 */
export interface EnrolmentRuntimeOptions {
  /** Modules that build on enrolment (payment, documents…), run with it. */
  extraModules?: PegaseModule[];
  /** Values of the PROFILE nomenclature. */
  profiles?: string[];
  /** Code of the law faculty's formation. */
  lawFormation?: string;
}

export async function enrolmentRuntime(options: EnrolmentRuntimeOptions = {}) {
  const runtime = await createTestRuntime([referentialModule, curriculumModule, enrolmentModule, ...(options.extraModules ?? [])]);
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
  await nomenclature('ENROLMENT-ORIGIN', ['PARCOURSUP', 'MANUELLE', 'REINSCRIPTION']);
  await nomenclature('DOCUMENT-TYPE', ['PHOTO', 'IDENTITE', 'BOURSE']);
  await nomenclature('PROFILE', options.profiles ?? ['BOURSIER']);
  await nomenclature('BAC-SERIES', ['GENERALE']);
  await nomenclature('PREVIOUS-SITUATION', ['LYCEE', 'UNIVERSITE']);
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
  const lawPoint = await formation(options.lawFormation ?? 'LIC-L', law.id);
  const learner = await call('POST', '/api/enrolment/v1/learners', {
    familyName: 'Rousseau',
    givenNames: 'Ada',
    birthDate: '2006-01-01',
    birthCountry: '100',
    sex: 'F',
  });
  await runtime.drainEvents();
  /** Admits candidates at the sciences' point through the CSV import, as its staff: `nom;prenoms;date_naissance` lines. */
  const admit = async (lines: string[]) => {
    const imported = await runtime.request(
      'POST',
      `/api/enrolment/v1/points/${point.id}/admissions/import?source=PARCOURSUP`,
      ['nom;prenoms;date_naissance', ...lines].join('\n'),
      { 'content-type': 'text/csv' },
      staffOf('UFR-E'),
    );
    expect(imported.statusCode, imported.body).toBe(200);
    return imported.json().admissions as { familyName: string; invitationCode: string }[];
  };
  return { runtime, period, sciences, law, point, lawPoint, learner, call, admit };
}

/** What a student fills in on their record before an online submission: contacts, address, bac. */
export const completeRecord = {
  email: 'ada.rousseau@example.org',
  phone: '+33 6 12 34 56 78',
  address: { line1: '12 rue Garibaldi', postcode: '69006', city: 'Lyon', country: '100' },
  bac: { year: 2024, series: 'GENERALE' },
};
/** The previous situation a student gives on their draft. */
export const previousSituation = { situation: 'LYCEE', year: 2025, establishment: 'Lycée du Parc, Lyon' };

/**
 * Completes a student's online enrolment as the student would, so that it can
 * be submitted: their record (contacts, bac) and the draft's previous situation.
 */
export async function completeOnline(runtime: Awaited<ReturnType<typeof createTestRuntime>>, student: TokenClaims, enrolmentId: string): Promise<void> {
  const record = await runtime.request('PATCH', '/api/enrolment/v1/me', completeRecord, {}, student);
  expect(record.statusCode, record.body).toBe(200);
  const draft = await runtime.request('PATCH', `/api/enrolment/v1/me/enrolments/${enrolmentId}`, { previousSituation }, {}, student);
  expect(draft.statusCode, draft.body).toBe(200);
}

export const staffOf = (code: string): TokenClaims => ({
  subject: `staff-${code}`,
  login: `staff.${code.toLowerCase()}`,
  roles: ['staff'],
  structureCodes: [code],
});

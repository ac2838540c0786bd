import { expect } from 'vitest';
import { documentsRuntime } from './documents-fixture.ts';

const L1 = 'LIC-MATH>LIC-MATH-L1';

/**
 * The documents runtime with registration and assessment, and a formation
 * of the economics faculty with marks to deliberate:
 *
 *   LIC-MATH > LIC-MATH-L1 (year, enrolment point, 30 ECTS) > S1 (30) > UE1 (15) > EC11 (9), EC12 (6)
 *                                                                    > UE2 (15) > EC21 (9), EC22 (6)
 *
 * Éloïse (the fixture's learner) passes with 12.5 (honours AB); Bob fails
 * with 7.5. Their enrolments are validated, so registration builds their
 * cursus and assessment learns it. A jury of session 1 is opened; the test
 * deliberates and publishes it.
 */
export async function resultsRuntime() {
  const f = await documentsRuntime({ results: true });
  const object = (code: string, type: string, parentId: string | null, fr: string, en: string, extra: Record<string, unknown> = {}) =>
    f.call('POST', '/api/curriculum/v1/objects', {
      periodId: f.period.id,
      code,
      type,
      labels: { fr, en },
      ownerStructureId: f.economics.id,
      parentId,
      ...extra,
    });
  const formation = await object('LIC-MATH', 'formation', null, 'Licence Mathématiques', 'Bachelor of Mathematics');
  const year = await object('LIC-MATH-L1', 'year', formation.id, 'L1 Mathématiques', 'First year of Mathematics', { enrolmentPoint: true, ects: 30 });
  const s1 = await object('S1', 'semester', year.id, 'Semestre 1', 'Semester 1', { ects: 30 });
  const ue1 = await object('UE1', 'ue', s1.id, 'Fondamentaux', 'Foundations', { ects: 15 });
  await object('EC11', 'ec', ue1.id, 'Analyse', 'Calculus', { ects: 9 });
  await object('EC12', 'ec', ue1.id, 'Algèbre linéaire', 'Linear algebra', { ects: 6 });
  const ue2 = await object('UE2', 'ue', s1.id, 'Ouverture', 'Broadening', { ects: 15 });
  await object('EC21', 'ec', ue2.id, 'Probabilités', 'Probability', { ects: 9 });
  await object('EC22', 'ec', ue2.id, 'Programmation', 'Programming', { ects: 6 });
  await f.call('POST', `/api/curriculum/v1/objects/${formation.id}/validate`, undefined, 200);
  await f.runtime.drainEvents();

  const passing = await f.enrol(f.learner.id, year.id);
  const failing = await f.enrol(f.other.id, year.id);
  const marks: [string, string, string][] = [
    [`${L1}>S1>UE1>EC11`, '14', '8'],
    [`${L1}>S1>UE1>EC12`, '12', '6'],
    [`${L1}>S1>UE2>EC21`, '11', '9'],
    [`${L1}>S1>UE2>EC22`, '13', '7'],
  ];
  for (const [path, one, two] of marks) {
    const exam = await f.call('POST', '/api/assessment/v1/assessments', { periodId: f.period.id, path, session: 1, code: 'EXAM', label: 'Examen' });
    const entered = await f.runtime.request('PUT', `/api/assessment/v1/assessments/${exam.id}/marks`, {
      marks: [
        { enrolmentId: passing.id, mark: one },
        { enrolmentId: failing.id, mark: two },
      ],
    });
    expect(entered.statusCode, entered.body).toBe(200);
  }
  const jury = await f.call('POST', '/api/assessment/v1/juries', { formationId: formation.id, periodId: f.period.id, session: 1 });
  return { ...f, formation, year, passing, failing, jury };
}

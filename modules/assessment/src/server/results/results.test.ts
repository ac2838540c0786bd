import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessmentRuntime, staffOf } from '../../../test/assessment-fixture.ts';
import type { ShownResult } from './learner-tree.ts';

const find = (node: ShownResult, code: string): ShownResult => {
  if (node.code === code) return node;
  for (const child of node.children) {
    try {
      return find(child, code);
    } catch {
      // not below this child
    }
  }
  throw new Error(`no ${code}`);
};

describe('an enrolment’s results', () => {
  let f: Awaited<ReturnType<typeof assessmentRuntime>>;
  const staff = staffOf('UFR-S');
  const api = (method: string, url: string, body?: unknown, as = staff) => f.runtime.request(method, `/api/assessment/v1${url}`, body, {}, as);
  let enrolmentId: string;
  let resitterId: string;
  const exams = new Map<string, string>();

  beforeAll(async () => {
    f = await assessmentRuntime();
    enrolmentId = (await f.validatedLearner('Resultat')).enrolment.id;
    resitterId = (await f.validatedLearner('Rattrapage')).enrolment.id;
  });
  afterAll(async () => f.runtime.close());

  it('reproduces DOMAIN.md’s worked example 3 from the rules and marks entered through the API', async () => {
    // The rules of the worked examples: S1 30 credits, UEs 15, EC11 coefficient 2 (9 credits), the others 1.
    const rules: [string, Record<string, unknown>][] = [
      [f.paths.s1, { credits: '30' }],
      [f.paths.ue1, { credits: '15' }],
      [f.paths.ue2, { credits: '15' }],
      [f.paths.ec11, { coefficient: '2', credits: '9' }],
      [f.paths.ec12, { credits: '6' }],
      [f.paths.ec21, { credits: '9' }],
      [f.paths.ec22, { credits: '6' }],
    ];
    for (const [path, body] of rules) {
      const put = await api('PUT', `/rules?periodId=${f.period.id}&path=${encodeURIComponent(path)}`, body);
      expect(put.statusCode, put.body).toBe(200);
    }
    const incomplete = (await api('GET', `/enrolments/${enrolmentId}/results`)).json();
    expect(incomplete.root.decision).toBe('INC');

    const marks: [string, string][] = [
      [f.paths.ec11, '11'],
      [f.paths.ec12, '14'],
      [f.paths.ec21, '9'],
      [f.paths.ec22, '8'],
    ];
    for (const [path, mark] of marks) {
      const created = await api('POST', '/assessments', { periodId: f.period.id, path, session: 1, code: 'EXAM', label: 'Examen' });
      expect(created.statusCode, created.body).toBe(201);
      exams.set(path, created.json().id);
      const entered = await api('PUT', `/assessments/${created.json().id}/marks`, { marks: [{ enrolmentId, mark }] });
      expect(entered.statusCode, entered.body).toBe(200);
    }

    const response = await api('GET', `/enrolments/${enrolmentId}/results?session=1`);
    expect(response.statusCode, response.body).toBe(200);
    const results = response.json();
    expect(results).toMatchObject({ enrolmentId, session: 1, stored: false });
    const root = results.root as ShownResult;
    const s1 = find(root, 'S1');
    expect([s1.mark, s1.decision, s1.credits]).toEqual(['10.250', 'ADM', '30.000']);
    expect([find(root, 'UE1').mark, find(root, 'UE1').decision]).toEqual(['12.000', 'ADM']);
    expect([find(root, 'UE2').mark, find(root, 'UE2').decision, find(root, 'UE2').credits]).toEqual(['8.500', 'CMP', '15.000']);
    expect(find(root, 'UE2').explanation.reason).toEqual({ kind: 'compensated', by: f.paths.s1 });
    expect(find(root, 'EC21').decision).toBe('CMP');
    expect(s1.explanation.counted).toEqual([
      { part: f.paths.ue1, coefficient: '1.000', mark: '12.000' },
      { part: f.paths.ue2, coefficient: '1.000', mark: '8.500' },
    ]);
    expect(find(root, 'UE1').explanation.counted[0]).toEqual({ part: f.paths.ec11, coefficient: '2.000', mark: '11.000' });
    // The year (the enrolment point) carries honours when passed.
    expect([root.code, root.decision, root.honours]).toEqual(['LIC-INFO-L1', 'ADM', 'P']);
    // Session 2 without resits: session 1 stands.
    expect(find((await api('GET', `/enrolments/${enrolmentId}/results?session=2`)).json().root, 'S1').mark).toBe('10.250');
  });

  it('is refused to staff of another structure, and unknown enrolments are 404', async () => {
    expect((await api('GET', `/enrolments/${enrolmentId}/results`, undefined, staffOf('UFR-L'))).statusCode).toBe(403);
    expect((await api('GET', '/enrolments/00000000-0000-4000-8000-000000000000/results')).statusCode).toBe(404);
  });

  it('computes session 2 by the best of the two sessions for a learner who failed session 1', async () => {
    // Worked example 1 at session 1 (8, 14, 9, 7): S1 9.000 AJ, 15 credits (UE1).
    const marks: [string, string][] = [
      [f.paths.ec11, '8'],
      [f.paths.ec12, '14'],
      [f.paths.ec21, '9'],
      [f.paths.ec22, '7'],
    ];
    for (const [path, mark] of marks) {
      expect((await api('PUT', `/assessments/${exams.get(path)}/marks`, { marks: [{ enrolmentId: resitterId, mark }] })).statusCode).toBe(200);
    }
    const first = (await api('GET', `/enrolments/${resitterId}/results?session=1`)).json().root as ShownResult;
    expect([find(first, 'S1').mark, find(first, 'S1').decision, find(first, 'S1').credits]).toEqual(['9.000', 'AJ', '15.000']);
    // EC22 is resat with 11 (EC21 is not: its session-1 mark stands): worked example 2, S1 10.000 ADM.
    const resit = await api('POST', '/assessments', { periodId: f.period.id, path: f.paths.ec22, session: 2, code: 'RATT', label: 'Rattrapage' });
    expect((await api('PUT', `/assessments/${resit.json().id}/marks`, { marks: [{ enrolmentId: resitterId, mark: '11' }] })).statusCode).toBe(200);
    const second = (await api('GET', `/enrolments/${resitterId}/results?session=2`)).json().root as ShownResult;
    expect([find(second, 'UE2').mark, find(second, 'S1').mark, find(second, 'S1').decision, find(second, 'S1').credits]).toEqual([
      '10.000',
      '10.000',
      'ADM',
      '30.000',
    ]);
    expect(find(second, 'EC21').decision).toBe('CMP');
    // Session 1 is unchanged by the resit.
    expect(find((await api('GET', `/enrolments/${resitterId}/results?session=1`)).json().root, 'S1').decision).toBe('AJ');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenClaims } from '@pegase/platform';
import { assessmentRuntime, staffOf } from '../../../test/assessment-fixture.ts';

/** The juries of a formation, and a jury's results previewed before deliberating (the year at 9.500 without rules, AJ). */
describe('the juries of a formation and their preview', () => {
  let f: Awaited<ReturnType<typeof assessmentRuntime>>;
  const staff = staffOf('UFR-S');
  const api = (method: string, url: string, body?: unknown, as: TokenClaims = staff) => f.runtime.request(method, `/api/assessment/v1${url}`, body, {}, as);
  let learner: Awaited<ReturnType<typeof f.validatedLearner>>;

  beforeAll(async () => {
    f = await assessmentRuntime();
    learner = await f.validatedLearner('Apercu');
    for (const [path, mark] of [
      [f.paths.ec11, '8'],
      [f.paths.ec12, '14'],
      [f.paths.ec21, '9'],
      [f.paths.ec22, '7'],
    ] as const) {
      const exam = (await api('POST', '/assessments', { periodId: f.period.id, path, session: 1, code: 'EXAM', label: 'Examen' })).json();
      expect((await api('PUT', `/assessments/${exam.id}/marks`, { marks: [{ enrolmentId: learner.enrolment.id, mark }] })).statusCode).toBe(200);
    }
  });
  afterAll(async () => f.runtime.close());

  it('lists the juries of a formation in a period by session, within the staff’s structures', async () => {
    const list = `/juries?formationId=${f.info.id}&periodId=${f.period.id}`;
    expect((await api('GET', list)).json()).toEqual([]);
    for (const session of [2, 1]) expect((await api('POST', '/juries', { formationId: f.info.id, periodId: f.period.id, session })).statusCode).toBe(201);
    const juries = (await api('GET', list)).json();
    expect(juries.map((jury: { session: number; status: string }) => [jury.session, jury.status])).toEqual([
      [1, 'open'],
      [2, 'open'],
    ]);
    expect((await api('GET', list, undefined, staffOf('UFR-L'))).statusCode).toBe(403);
    expect((await api('GET', `/juries?formationId=${f.info.id}`)).statusCode).toBe(400);
  });

  it('previews the results with the jury’s points, storing nothing', async () => {
    const [jury] = (await api('GET', `/juries?formationId=${f.info.id}&periodId=${f.period.id}`)).json();
    const preview = async () => (await api('GET', `/juries/${jury.id}/preview`)).json();
    expect(
      (await preview()).map((line: { learnerCode: string; mark: string; decision: string; rank: number }) => [
        line.learnerCode,
        line.mark,
        line.decision,
        line.rank,
      ]),
    ).toEqual([[learner.learner.code, '9.500', 'AJ', 1]]);
    expect((await api('PUT', `/juries/${jury.id}/points`, { enrolmentId: learner.enrolment.id, path: f.paths.l1, points: '1' })).statusCode).toBe(200);
    const [line] = await preview();
    expect([line.familyName, line.mark, line.decision, line.root.juryPoints]).toEqual(['Apercu', '9.500', 'ADM', '1.000']);
    expect((await api('GET', `/juries/${jury.id}`)).json()).toMatchObject({ status: 'open', results: 0 });
    expect((await api('GET', `/juries/${jury.id}/preview`, undefined, staffOf('UFR-L'))).statusCode).toBe(403);
  });
});

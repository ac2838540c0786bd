import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenClaims } from '@pegase/platform';
import { assessmentRuntime, staffOf } from '../../../test/assessment-fixture.ts';

/** A jury over DOMAIN.md’s worked example 1 (S1 9.000 AJ) for one learner and case 2 (10.000 ADM) for another. */
describe('a jury: points, deliberation, publication', () => {
  let f: Awaited<ReturnType<typeof assessmentRuntime>>;
  const staff = staffOf('UFR-S');
  const api = (method: string, url: string, body?: unknown, as: TokenClaims = staff) => f.runtime.request(method, `/api/assessment/v1${url}`, body, {}, as);
  let failing: Awaited<ReturnType<typeof f.validatedLearner>>;
  let passing: Awaited<ReturnType<typeof f.validatedLearner>>;
  let juryId: string;
  const student = (code: string): TokenClaims => ({ subject: `student-${code}`, roles: ['student'], learnerCode: code });
  const exams = new Map<string, string>();

  beforeAll(async () => {
    f = await assessmentRuntime();
    failing = await f.validatedLearner('Ajourne');
    passing = await f.validatedLearner('Admis');
    const rules: [string, Record<string, unknown>][] = [
      [f.paths.s1, { credits: '30' }],
      [f.paths.ue1, { credits: '15' }],
      [f.paths.ue2, { credits: '15' }],
      [f.paths.ec11, { coefficient: '2', credits: '9' }],
      [f.paths.ec12, { credits: '6' }],
      [f.paths.ec21, { credits: '9' }],
      [f.paths.ec22, { credits: '6' }],
    ];
    for (const [path, body] of rules) expect((await api('PUT', `/rules?periodId=${f.period.id}&path=${encodeURIComponent(path)}`, body)).statusCode).toBe(200);
    const marks: [string, string, string][] = [
      [f.paths.ec11, '8', '8'],
      [f.paths.ec12, '14', '14'],
      [f.paths.ec21, '9', '9'],
      [f.paths.ec22, '7', '11'],
    ];
    for (const [path, one, two] of marks) {
      const exam = (await api('POST', '/assessments', { periodId: f.period.id, path, session: 1, code: 'EXAM', label: 'Examen' })).json();
      exams.set(path, exam.id);
      const entered = await api('PUT', `/assessments/${exam.id}/marks`, {
        marks: [
          { enrolmentId: failing.enrolment.id, mark: one },
          { enrolmentId: passing.enrolment.id, mark: two },
        ],
      });
      expect(entered.statusCode, entered.body).toBe(200);
    }
  });
  afterAll(async () => f.runtime.close());

  it('opens a jury for the formation, once per period and session, within the staff’s structures', async () => {
    const body = { formationId: f.info.id, periodId: f.period.id, session: 1 };
    expect((await api('POST', '/juries', body, staffOf('UFR-L'))).statusCode).toBe(403);
    const created = await api('POST', '/juries', body);
    expect(created.statusCode, created.body).toBe(201);
    juryId = created.json().id;
    expect(created.json()).toMatchObject({ status: 'open', results: 0 });
    expect((await api('POST', '/juries', body)).statusCode).toBe(409);
  });

  it('adds the jury’s points before the decision, stores the results with ranks at deliberation and freezes them', async () => {
    // One point on the year (9.000 + 1 reaches 10): it passes, and S1 below it by compensation.
    expect((await api('PUT', `/juries/${juryId}/points`, { enrolmentId: failing.enrolment.id, path: f.paths.l1, points: '1' })).statusCode).toBe(200);
    const deliberated = await api('POST', `/juries/${juryId}/deliberate`);
    expect(deliberated.statusCode, deliberated.body).toBe(200);
    expect(deliberated.json()).toMatchObject({ status: 'deliberated', results: 2, deliberatedBy: 'staff.ufr-s' });
    const stored = (await api('GET', `/juries/${juryId}/results`)).json();
    expect(
      stored.map((line: { familyName: string; mark: string; decision: string; rank: number }) => [line.familyName, line.mark, line.decision, line.rank]),
    ).toEqual([
      ['Admis', '10.000', 'ADM', 1],
      ['Ajourne', '9.000', 'ADM', 2],
    ]);
    expect([stored[1].root.juryPoints, stored[1].root.decision]).toEqual(['1.000', 'ADM']);
    const s1 = (stored[1].root.children as { code: string; decision: string }[]).find((node) => node.code === 'S1')!;
    expect(s1.decision).toBe('CMP');
    // Frozen: points refused, a changed mark changes nothing stored.
    const late = await api('PUT', `/juries/${juryId}/points`, { enrolmentId: failing.enrolment.id, path: f.paths.l1, points: '2' });
    expect(late.statusCode).toBe(409);
    expect(late.json().type).toBe('urn:pegase:problem:jury-deliberated');
    expect((await api('PUT', `/assessments/${exams.get(f.paths.ec22)}/marks`, { marks: [{ enrolmentId: passing.enrolment.id, mark: '2' }] })).statusCode).toBe(
      200,
    );
    // …nor a changed rule: the tree, its explanations included, is the deliberated one.
    expect((await api('PUT', `/rules?periodId=${f.period.id}&path=${encodeURIComponent(f.paths.ec11)}`, { coefficient: '5', credits: '9' })).statusCode).toBe(
      200,
    );
    const after = (await api('GET', `/juries/${juryId}/results`)).json();
    expect(after[0].mark).toBe('10.000');
    expect(after[0].root).toEqual(stored[0].root);
    const find = (
      node: { code: string; children: unknown[] },
      code: string,
    ): { code: string; mark: string; explanation: { counted: { mark: string }[] } } | undefined =>
      node.code === code ? (node as never) : node.children.map((child) => find(child as never, code)).find((hit) => hit !== undefined);
    const ec22 = find(after[0].root, 'EC22')!;
    expect([ec22.mark, ec22.explanation.counted.map((part) => part.mark)]).toEqual(['11.000', ['11.000']]);
    // A page of the results: the second by rank.
    const page = (await api('GET', `/juries/${juryId}/results?limit=1&offset=1`)).json();
    expect(page.map((line: { familyName: string }) => line.familyName)).toEqual(['Ajourne']);
  });

  it('shows students their results only once published', async () => {
    const mine = () => f.runtime.request('GET', '/api/assessment/v1/me/results', undefined, {}, student(passing.learner.code));
    expect((await mine()).json()).toEqual([]);
    const published = await api('POST', `/juries/${juryId}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().status).toBe('published');
    const after = (await mine()).json();
    expect(after).toHaveLength(1);
    expect(after[0].result).toMatchObject({ learnerCode: passing.learner.code, mark: '10.000', decision: 'ADM', rank: 1 });
    expect(after[0].jury.status).toBe('published');
    // Another student sees only their own.
    const other = (await f.runtime.request('GET', '/api/assessment/v1/me/results', undefined, {}, student(failing.learner.code))).json();
    expect(other.map((line: { result: { learnerCode: string } }) => line.result.learnerCode)).toEqual([failing.learner.code]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment, HistoryEntry, MarksReport, Rule, Sheet } from '../../contract/index.ts';
import { assessmentRuntime, staffOf, teacherOf } from '../../../test/assessment-fixture.ts';

describe('rules, assessments, mark sheets and marks', () => {
  let f: Awaited<ReturnType<typeof assessmentRuntime>>;
  const staff = staffOf('UFR-S');
  const elsewhere = staffOf('UFR-L');
  const learners: Awaited<ReturnType<typeof f.validatedLearner>>[] = [];
  let exam: Assessment;
  const api = (method: string, url: string, body?: unknown, as = staff) => f.runtime.request(method, `/api/assessment/v1${url}`, body, {}, as);
  const rule = (path: string) => `/rules?periodId=${f.period.id}&path=${encodeURIComponent(path)}`;

  beforeAll(async () => {
    f = await assessmentRuntime();
    for (const name of ['Martin', 'Bernard', 'Dubois']) learners.push(await f.validatedLearner(name));
    // Dubois is exempted from EC11: not on its sheet.
    await f.call('PUT', `/api/registration/v1/enrolments/${learners[2]!.enrolment.id}/exemptions`, { path: f.paths.ec11, reason: 'Validation d’acquis' }, 200);
    await f.runtime.drainEvents();
  });
  afterAll(async () => f.runtime.close());

  it('gives the defaults of the object’s type until rules are stored, then the stored ones', async () => {
    const ec = await api('GET', rule(f.paths.ec11));
    expect(ec.statusCode, ec.body).toBe(200);
    expect(ec.json()).toMatchObject({
      source: 'default',
      coefficient: '1.000',
      passMark: '10.000',
      credits: '9.000',
      compensates: true,
      eliminatory: null,
      abjPolicy: 'neutral',
      session2: 'best',
      honours: false,
      version: null,
    });
    expect((await api('GET', rule(f.paths.l1))).json()).toMatchObject({ source: 'default', honours: true, credits: '0.000' });

    const put = await api('PUT', rule(f.paths.ec11), { coefficient: '2', credits: '9', eliminatory: '7.5' });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json() as Rule).toMatchObject({
      source: 'stored',
      coefficient: '2.000',
      credits: '9.000',
      eliminatory: '7.500',
      passMark: '10.000',
      version: 1,
    });
    expect((await api('GET', rule(f.paths.ec11))).json()).toMatchObject({ source: 'stored', coefficient: '2.000', version: 1 });
    expect((await api('PUT', rule(f.paths.ec11), { coefficient: '2' })).json()).toMatchObject({ eliminatory: null, version: 2 });

    const bad = await api('PUT', rule(f.paths.ec11), { coefficient: '0' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ type: 'urn:pegase:problem:invalid-rule', errors: [{ field: '/coefficient' }] });
    expect((await api('PUT', rule(f.paths.ec11), { passMark: '10.0001' })).statusCode).toBe(400);
    expect((await api('GET', rule(`${f.paths.s1}>NOPE`))).statusCode).toBe(404);
    // Staff of another structure, and teachers, do not set rules.
    expect((await api('GET', rule(f.paths.ec11), undefined, elsewhere)).statusCode).toBe(403);
    expect((await api('PUT', rule(f.paths.ec11), { coefficient: '3' }, elsewhere)).statusCode).toBe(403);
    expect((await api('PUT', rule(f.paths.ec11), { coefficient: '3' }, teacherOf('UFR-S'))).statusCode).toBe(403);
  });

  it('creates the assessments of a course element only, each code once per session', async () => {
    const created = await api('POST', '/assessments', {
      periodId: f.period.id,
      path: f.paths.ec11,
      session: 1,
      code: 'EXAM',
      label: 'Examen terminal',
      coefficient: '2',
    });
    expect(created.statusCode, created.body).toBe(201);
    exam = created.json();
    expect(exam).toMatchObject({ session: 1, code: 'EXAM', coefficient: '2.000', scale: 20, locked: null });
    await api('POST', '/assessments', { periodId: f.period.id, path: f.paths.ec11, session: 2, code: 'EXAM', label: 'Rattrapage' });
    const twice = await api('POST', '/assessments', { periodId: f.period.id, path: f.paths.ec11, session: 1, code: 'EXAM', label: 'Encore' });
    expect([twice.statusCode, twice.json().type]).toEqual([409, 'urn:pegase:problem:duplicate-code']);
    const onUe = await api('POST', '/assessments', { periodId: f.period.id, path: f.paths.ue1, session: 1, code: 'EXAM', label: 'Examen' });
    expect([onUe.statusCode, onUe.json().type]).toEqual([422, 'urn:pegase:problem:not-a-course-element']);
    expect(
      (await api('POST', '/assessments', { periodId: f.period.id, path: f.paths.ec12, session: 1, code: 'EXAM', label: 'Examen' }, elsewhere)).statusCode,
    ).toBe(403);
    const listed = (await api('GET', `/assessments?periodId=${f.period.id}&path=${encodeURIComponent(f.paths.ec11)}`)).json() as Assessment[];
    expect(listed.map((assessment) => [assessment.session, assessment.code])).toEqual([
      [1, 'EXAM'],
      [2, 'EXAM'],
    ]);
  });

  it('lists on the sheet the learners following the element, by name, not the exempted one', async () => {
    const sheet = await api('GET', `/assessments/${exam.id}/sheet`);
    expect(sheet.statusCode, sheet.body).toBe(200);
    expect((sheet.json() as Sheet).lines.map((line) => [line.familyName, line.mark])).toEqual([
      ['Bernard', null],
      ['Martin', null],
    ]);
    // A teacher of the structure reads the sheet once they teach the element, not before.
    const refused = await api('GET', `/assessments/${exam.id}/sheet`, undefined, teacherOf('UFR-S'));
    expect([refused.statusCode, refused.json().type]).toEqual([403, 'urn:pegase:problem:not-teaching']);
    expect((await api('PUT', `/objects/${f.objectIds.ec11}/teachers`, { teachers: ['teacher.ufr-s'] })).statusCode).toBe(200);
    expect((await api('GET', `/assessments/${exam.id}/sheet`, undefined, teacherOf('UFR-S'))).statusCode).toBe(200);
    expect((await api('GET', `/assessments/${exam.id}/sheet`, undefined, elsewhere)).statusCode).toBe(403);
  });

  it('enters a batch all or nothing: every bad row is named and nothing is written', async () => {
    const [martin, bernard, dubois] = learners.map((learner) => learner.enrolment.id);
    const bad = await api('PUT', `/assessments/${exam.id}/marks`, {
      marks: [
        { enrolmentId: martin, mark: '12.5' },
        { enrolmentId: bernard, mark: '20.5' },
        { enrolmentId: dubois, mark: '11' },
        { enrolmentId: martin, mark: '14.1234' },
      ],
    });
    expect(bad.statusCode, bad.body).toBe(422);
    const problem = bad.json();
    expect(problem.type).toBe('urn:pegase:problem:invalid-marks');
    expect(problem.errors.map((error: { field: string }) => error.field)).toEqual(['/marks/1/mark', '/marks/2', '/marks/3', '/marks/3/mark']);
    expect(problem.detail).toContain('no mark was written');
    expect(((await api('GET', `/assessments/${exam.id}/sheet`)).json() as Sheet).lines.every((line) => line.mark === null)).toBe(true);

    const good = await api(
      'PUT',
      `/assessments/${exam.id}/marks`,
      {
        marks: [
          { enrolmentId: martin, mark: '12,5' },
          { enrolmentId: bernard, mark: 'abj' },
        ],
      },
      teacherOf('UFR-S'),
    );
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json() as MarksReport).toMatchObject({ changed: 2, unchanged: 0 });
    expect(((await api('GET', `/assessments/${exam.id}/sheet`)).json() as Sheet).lines.map((line) => line.mark)).toEqual(['ABJ', '12.500']);
    expect((await api('PUT', `/assessments/${exam.id}/marks`, { marks: [{ enrolmentId: martin, mark: '12.5' }] })).json()).toMatchObject({
      changed: 0,
      unchanged: 1,
    });
    expect((await api('PUT', `/assessments/${exam.id}/marks`, { marks: [{ enrolmentId: martin, mark: '11' }] }, elsewhere)).statusCode).toBe(403);
  });

  it('keeps who, when, the old and the new value of every change', async () => {
    const martin = learners[0]!.enrolment.id;
    await api('PUT', `/assessments/${exam.id}/marks`, { marks: [{ enrolmentId: martin, mark: '13' }] });
    await api('PUT', `/assessments/${exam.id}/marks`, { marks: [{ enrolmentId: martin, mark: null }] });
    const history = await api('GET', `/assessments/${exam.id}/marks/${martin}/history`);
    expect(history.statusCode, history.body).toBe(200);
    const entries = history.json() as HistoryEntry[];
    expect(entries.map((entry) => [entry.before, entry.after, entry.by])).toEqual([
      [null, '12.500', 'teacher.ufr-s'],
      ['12.500', '13.000', 'staff.ufr-s'],
      ['13.000', null, 'staff.ufr-s'],
    ]);
    expect(entries.every((entry) => entry.requestId.length > 0 && !Number.isNaN(Date.parse(entry.at)))).toBe(true);
  });

  it('refuses marks on a locked sheet until it is unlocked', async () => {
    const martin = learners[0]!.enrolment.id;
    expect((await api('POST', `/assessments/${exam.id}/lock`, undefined, teacherOf('UFR-S'))).statusCode).toBe(403);
    const locked = await api('POST', `/assessments/${exam.id}/lock`);
    expect(locked.statusCode, locked.body).toBe(200);
    expect((locked.json() as Assessment).locked).toMatchObject({ by: 'staff.ufr-s' });
    const refused = await api('PUT', `/assessments/${exam.id}/marks`, { marks: [{ enrolmentId: martin, mark: '15' }] });
    expect([refused.statusCode, refused.json().type]).toEqual([409, 'urn:pegase:problem:sheet-locked']);
    expect(refused.json().detail).toContain('unlock');
    expect(((await api('POST', `/assessments/${exam.id}/unlock`)).json() as Assessment).locked).toBeNull();
    expect((await api('PUT', `/assessments/${exam.id}/marks`, { marks: [{ enrolmentId: martin, mark: '15' }] })).statusCode).toBe(200);
  });

  it('takes a cancelled enrolment off the sheets: registration announces its cursus empty', async () => {
    const bernard = learners[1]!.enrolment.id;
    await f.call('POST', `/api/enrolment/v1/enrolments/${bernard}/cancel`, { reason: 'Abandon' }, 200);
    await f.runtime.drainEvents();
    expect(((await api('GET', `/assessments/${exam.id}/sheet`)).json() as Sheet).lines.map((line) => line.familyName)).toEqual(['Martin']);
    const refused = await api('PUT', `/assessments/${exam.id}/marks`, { marks: [{ enrolmentId: bernard, mark: '10' }] });
    expect([refused.statusCode, refused.json().errors[0].field]).toEqual([422, '/marks/0']);
    const results = await api('GET', `/enrolments/${bernard}/results`);
    expect([results.statusCode, results.json().type]).toEqual([409, 'urn:pegase:problem:no-cursus']);
  });
});

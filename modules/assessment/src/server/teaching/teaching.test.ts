import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenClaims } from '@pegase/platform';
import type { Assessment, ObjectTeachers, Sheet, TaughtObject } from '../../contract/index.ts';
import { assessmentRuntime, staffOf, teacherOf } from '../../../test/assessment-fixture.ts';

describe('teaching assignments: a teacher marks the course elements they teach, and only those', () => {
  let f: Awaited<ReturnType<typeof assessmentRuntime>>;
  const staff = staffOf('UFR-S');
  const teacher = teacherOf('UFR-S');
  /** A teacher of the letters faculty, who teaches EC12 of the sciences. */
  const visiting: TokenClaims = { subject: 'visiting-sub', login: 'Visiting.Teacher', roles: ['teacher'], structureCodes: ['UFR-L'] };
  let exam11: Assessment;
  let exam12: Assessment;
  let enrolmentId: string;
  const api = (method: string, url: string, body?: unknown, as: TokenClaims = staff) => f.runtime.request(method, `/api/assessment/v1${url}`, body, {}, as);

  beforeAll(async () => {
    f = await assessmentRuntime();
    enrolmentId = (await f.validatedLearner('Martin')).enrolment.id;
    await f.validatedLearner('Bernard');
    const create = async (path: string) => {
      const response = await api('POST', '/assessments', { periodId: f.period.id, path, session: 1, code: 'EXAM', label: 'Examen' });
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as Assessment;
    };
    exam11 = await create(f.paths.ec11);
    exam12 = await create(f.paths.ec12);
  });
  afterAll(async () => f.runtime.close());

  it('refuses a teacher every sheet until they are assigned', async () => {
    for (const [method, url, body] of [
      ['GET', `/assessments/${exam11.id}/sheet`, undefined],
      ['PUT', `/assessments/${exam11.id}/marks`, { marks: [{ enrolmentId, mark: '12' }] }],
      ['GET', `/assessments/${exam11.id}/marks/${enrolmentId}/history`, undefined],
      ['GET', `/assessments/${exam11.id}/marks/template`, undefined],
    ] as const) {
      const response = await api(method, url, body, teacher);
      expect([response.statusCode, response.json().type], `${method} ${url}`).toEqual([403, 'urn:pegase:problem:not-teaching']);
      expect(response.json().detail).toContain('do not teach EC11');
    }
    expect((await api('GET', '/me/teaching', undefined, teacher)).json()).toEqual([]);
  });

  it('lets staff of the object’s structures assign teachers to a course element, by login, audited', async () => {
    const put = await api('PUT', `/objects/${f.objectIds.ec11}/teachers`, { teachers: ['teacher.ufr-s', 'TEACHER.UFR-S', 'other.teacher'] });
    expect(put.statusCode, put.body).toBe(200);
    const assigned = put.json() as ObjectTeachers;
    expect(assigned).toMatchObject({ objectId: f.objectIds.ec11, code: 'EC11', periodId: f.period.id });
    expect(assigned.teachers.map((entry) => [entry.teacher, entry.assignedBy])).toEqual([
      ['other.teacher', 'staff.ufr-s'],
      ['teacher.ufr-s', 'staff.ufr-s'],
    ]);
    // The same list again changes nothing (the dates of assignment stay).
    expect((await api('PUT', `/objects/${f.objectIds.ec11}/teachers`, { teachers: ['other.teacher', 'teacher.ufr-s'] })).json()).toEqual(assigned);
    const removed = (await api('PUT', `/objects/${f.objectIds.ec11}/teachers`, { teachers: ['teacher.ufr-s'] })).json() as ObjectTeachers;
    expect(removed.teachers.map((entry) => entry.teacher)).toEqual(['teacher.ufr-s']);
    expect((await api('GET', `/objects/${f.objectIds.ec11}/teachers`, undefined, teacher)).json()).toEqual(removed);

    const audit = await f.runtime.request('GET', `/api/audit/v1/entries?targetId=${f.objectIds.ec11}`);
    expect(audit.statusCode, audit.body).toBe(200);
    const [latest] = audit.json().items;
    expect(latest).toMatchObject({ actor: { login: 'staff.ufr-s' }, module: 'assessment', changedFields: ['teachers'] });
    expect((audit.json().items as { module: string }[]).filter((entry) => entry.module === 'assessment')).toHaveLength(2);

    // Only course elements are taught; staff of another structure and teachers assign nobody.
    const ue = (await f.runtime.request('GET', `/api/curriculum/v1/objects?periodId=${f.period.id}&q=UE1`)).json();
    const ueId = (ue.items as { id: string; code: string }[]).find((object) => object.code === 'UE1')!.id;
    const onUe = await api('PUT', `/objects/${ueId}/teachers`, { teachers: ['teacher.ufr-s'] });
    expect([onUe.statusCode, onUe.json().type]).toEqual([422, 'urn:pegase:problem:not-a-course-element']);
    expect((await api('PUT', `/objects/${f.objectIds.ec12}/teachers`, { teachers: ['x'] }, staffOf('UFR-L'))).statusCode).toBe(403);
    expect((await api('PUT', `/objects/${f.objectIds.ec12}/teachers`, { teachers: ['x'] }, teacher)).statusCode).toBe(403);
    expect((await api('PUT', `/objects/00000000-0000-4000-8000-000000000000/teachers`, { teachers: [] })).statusCode).toBe(404);
    expect((await api('PUT', `/objects/${f.objectIds.ec12}/teachers`, { teachers: ['pas un login'] })).statusCode).toBe(400);
  });

  it('lets an assigned teacher read and enter the marks of the element they teach, not of the others', async () => {
    const sheet = await api('GET', `/assessments/${exam11.id}/sheet`, undefined, teacher);
    expect(sheet.statusCode, sheet.body).toBe(200);
    expect((sheet.json() as Sheet).lines).toHaveLength(2);
    const entered = await api('PUT', `/assessments/${exam11.id}/marks`, { marks: [{ enrolmentId, mark: '12,5' }] }, teacher);
    expect(entered.statusCode, entered.body).toBe(200);
    expect((await api('GET', `/assessments/${exam11.id}/marks/${enrolmentId}/history`, undefined, teacher)).json()).toMatchObject([
      { before: null, after: '12.500', by: 'teacher.ufr-s' },
    ]);
    // EC12 belongs to the same structure, but the teacher does not teach it.
    const other = await api('PUT', `/assessments/${exam12.id}/marks`, { marks: [{ enrolmentId, mark: '10' }] }, teacher);
    expect([other.statusCode, other.json().type]).toEqual([403, 'urn:pegase:problem:not-teaching']);
    // Staff still reach every sheet of their structures.
    expect((await api('GET', `/assessments/${exam12.id}/sheet`)).statusCode).toBe(200);
  });

  it('lets a teacher of another structure mark what they are assigned, named by their login in any case', async () => {
    expect((await api('GET', `/assessments/${exam12.id}/sheet`, undefined, visiting)).statusCode).toBe(403);
    expect((await api('PUT', `/objects/${f.objectIds.ec12}/teachers`, { teachers: ['visiting.teacher'] })).statusCode).toBe(200);
    expect((await api('PUT', `/assessments/${exam12.id}/marks`, { marks: [{ enrolmentId, mark: 'ABJ' }] }, visiting)).statusCode).toBe(200);
    expect((await api('GET', `/objects/${f.objectIds.ec12}/teachers`, undefined, visiting)).statusCode).toBe(200);
    // Rules stay read by structure: the visiting teacher's faculty owns nothing here.
    expect((await api('GET', `/assessments/${exam11.id}/sheet`, undefined, visiting)).statusCode).toBe(403);
  });

  it('lists a teacher’s course elements with their sheets, learners and marks counted', async () => {
    const response = await api('GET', `/me/teaching?periodId=${f.period.id}`, undefined, teacher);
    expect(response.statusCode, response.body).toBe(200);
    const taught = response.json() as TaughtObject[];
    expect(taught).toHaveLength(1);
    expect(taught[0]).toMatchObject({ objectId: f.objectIds.ec11, code: 'EC11', paths: [f.paths.ec11] });
    expect(taught[0]!.sheets.map((sheet) => [sheet.assessment.id, sheet.learners, sheet.marked])).toEqual([[exam11.id, 2, 1]]);
    expect(((await api('GET', '/me/teaching', undefined, visiting)).json() as TaughtObject[]).map((object) => object.code)).toEqual(['EC12']);
    expect((await api('GET', '/me/teaching', undefined, staff)).statusCode).toBe(403);
  });
});

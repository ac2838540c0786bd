import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment, Sheet } from '../../contract/index.ts';
import { assessmentRuntime } from '../../../test/assessment-fixture.ts';

interface Node {
  path: string;
  mark: string | null;
  children: Node[];
}
const find = (node: Node, path: string): Node | undefined => (node.path === path ? node : node.children.map((child) => find(child, path)).find(Boolean));

describe('assessments on scales other than 20', () => {
  let f: Awaited<ReturnType<typeof assessmentRuntime>>;
  let enrolmentId: string;
  const api = (method: string, url: string, body?: unknown) => f.runtime.request(method, `/api/assessment/v1${url}`, body);
  const create = (path: string, code: string, scale?: number) =>
    api('POST', '/assessments', { periodId: f.period.id, path, session: 1, code, label: code, ...(scale === undefined ? {} : { scale }) });

  beforeAll(async () => {
    f = await assessmentRuntime();
    enrolmentId = (await f.validatedLearner('Martin')).enrolment.id;
  });
  afterAll(async () => f.runtime.close());

  it('takes the scale at creation, from 1 to 1000, 20 when left out, and shows it on the sheet', async () => {
    expect(((await create(f.paths.ec21, 'DEFAULT')).json() as Assessment).scale).toBe(20);
    const onTen = await create(f.paths.ec11, 'TP', 10);
    expect(onTen.statusCode, onTen.body).toBe(201);
    expect((onTen.json() as Assessment).scale).toBe(10);
    expect(((await api('GET', `/assessments/${onTen.json().id}/sheet`)).json() as Sheet).assessment.scale).toBe(10);
    for (const scale of [0, 1001, 12.5]) expect((await create(f.paths.ec11, `BAD${String(scale).replace('.', '')}`, scale)).statusCode).toBe(400);
  });

  it('enters marks from 0 to the scale, kept as entered', async () => {
    const onTen = ((await api('GET', `/assessments?periodId=${f.period.id}&path=${encodeURIComponent(f.paths.ec11)}`)).json() as Assessment[])[0]!;
    const over = await api('PUT', `/assessments/${onTen.id}/marks`, { marks: [{ enrolmentId, mark: '10,5' }] });
    expect([over.statusCode, over.json().type]).toEqual([422, 'urn:pegase:problem:invalid-marks']);
    expect(over.json().errors[0]).toMatchObject({ field: '/marks/0/mark', message: expect.stringContaining('between 0 and 10') });
    const good = await api('PUT', `/assessments/${onTen.id}/marks`, { marks: [{ enrolmentId, mark: '7,5' }] });
    expect(good.statusCode, good.body).toBe(200);
    expect(((await api('GET', `/assessments/${onTen.id}/sheet`)).json() as Sheet).lines[0]!.mark).toBe('7.500');

    const onHundred = (await create(f.paths.ec12, 'QCM', 100)).json() as Assessment;
    expect((await api('PUT', `/assessments/${onHundred.id}/marks`, { marks: [{ enrolmentId, mark: '100' }] })).statusCode).toBe(200);
  });

  it('converts the marks to 20 for the results: exactly, rounded half up to the thousandth', async () => {
    // EC22: one assessment on 3, marked 2 → 13.333… → 13.333 on 20.
    const onThree = (await create(f.paths.ec22, 'ORAL', 3)).json() as Assessment;
    expect((await api('PUT', `/assessments/${onThree.id}/marks`, { marks: [{ enrolmentId, mark: '2' }] })).statusCode).toBe(200);
    // EC21: on 20, 12.
    const onTwenty = ((await api('GET', `/assessments?periodId=${f.period.id}&path=${encodeURIComponent(f.paths.ec21)}`)).json() as Assessment[])[0]!;
    expect((await api('PUT', `/assessments/${onTwenty.id}/marks`, { marks: [{ enrolmentId, mark: '12' }] })).statusCode).toBe(200);

    const response = await api('GET', `/enrolments/${enrolmentId}/results`);
    expect(response.statusCode, response.body).toBe(200);
    const root = response.json().root as Node;
    // 7.5/10 → 15; 100/100 → 20; 2/3 → 13.333.
    expect(find(root, f.paths.ec11)?.mark).toBe('15.000');
    expect(find(root, f.paths.ec12)?.mark).toBe('20.000');
    expect(find(root, f.paths.ec21)?.mark).toBe('12.000');
    expect(find(root, f.paths.ec22)?.mark).toBe('13.333');
    // UE2: (12 + 13.333) / 2 = 12.6665 → 12.667 (half up).
    expect(find(root, f.paths.ue2)?.mark).toBe('12.667');
  });
});

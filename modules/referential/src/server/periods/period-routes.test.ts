import { systemOrigin } from '@pegase/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { ModuleContext } from '@pegase/platform';
import { createTestRuntime, type TestRuntime } from '@pegase/platform/testing';
import type { CreatePeriod, UpdatePeriod } from '../../contract/index.ts';
import { referentialModule } from '../module.ts';
import { createPeriod, updatePeriod } from './period-commands.ts';
import { loadSandboxPeriods } from './period-sandbox.ts';

const base = '/api/referential/v1/periods';
const unknownId = '00000000-0000-4000-8000-000000000000';

interface PeriodBody {
  id: string;
  code: string;
  type: string;
  labels: { fr: string; en?: string };
  startDate: string;
  endDate: string;
  parentId: string | null;
  version: number;
}
interface Page {
  items: PeriodBody[];
  nextCursor: string | null;
}

/** Each test works on its own years, far from the others', so they never meet. */
function academicYear(first: number, overrides: Record<string, unknown> = {}) {
  const code = `${first}-${first + 1}`;
  return {
    code,
    type: 'academic-year',
    labels: { fr: `Année universitaire ${code}` },
    startDate: `${first}-09-01`,
    endDate: `${first + 1}-08-31`,
    ...overrides,
  };
}

function expectRefusal(response: LightMyRequestResponse, status: number, slug: string, field: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  const problem = response.json() as { type: string; detail: string; errors: { in: string; field: string; message: string }[] };
  expect(problem.type).toBe(`urn:pegase:problem:${slug}`);
  expect(problem.errors.map((e) => e.field)).toContain(field);
  expect(problem.errors.every((e) => e.in === 'body')).toBe(true);
  return problem;
}

describe('periods over HTTP', () => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await createTestRuntime([referentialModule]);
  });
  afterAll(async () => runtime.close());

  async function create(body: Record<string, unknown>) {
    const response = await runtime.request('POST', base, body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as PeriodBody;
  }

  async function codes(query: string): Promise<string[]> {
    const response = await runtime.request('GET', `${base}?limit=200&${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as Page).items.map((p) => p.code);
  }

  async function read(id: string): Promise<PeriodBody> {
    return (await runtime.request('GET', `${base}/${id}`)).json() as PeriodBody;
  }

  it('creates an academic year and a semester, answering 201 with Location and ETag, and reads them back', async () => {
    const response = await runtime.request(
      'POST',
      base,
      academicYear(2030, { labels: { fr: 'Année universitaire 2030-2031', en: 'Academic year 2030-2031' } }),
    );
    expect(response.statusCode, response.body).toBe(201);
    const year = response.json() as PeriodBody;
    expect(response.headers['location']).toBe(`${base}/${year.id}`);
    expect(response.headers['etag']).toBe('"1"');
    expect(year).toMatchObject({ code: '2030-2031', type: 'academic-year', parentId: null, startDate: '2030-09-01', endDate: '2031-08-31', version: 1 });

    const semester = await create({
      code: '2030-2031-S1',
      type: 'semester',
      labels: { fr: 'Semestre 1' },
      startDate: '2030-09-01',
      endDate: '2031-01-31',
      parentId: year.id,
    });
    const got = await runtime.request('GET', `${base}/${semester.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['etag']).toBe('"1"');
    expect(got.json()).toMatchObject({
      code: '2030-2031-S1',
      type: 'semester',
      parentId: year.id,
      labels: { fr: 'Semestre 1' },
      startDate: '2030-09-01',
      endDate: '2031-01-31',
    });
    expect(await read(year.id)).toMatchObject({ labels: { fr: 'Année universitaire 2030-2031', en: 'Academic year 2030-2031' } });
  });

  it('wants the end after the start, on creation and on the dates an update would leave', async () => {
    expectRefusal(await runtime.request('POST', base, academicYear(2031, { endDate: '2031-09-01' })), 422, 'period-dates', '/endDate');
    expectRefusal(await runtime.request('POST', base, academicYear(2031, { endDate: '2031-08-31' })), 422, 'period-dates', '/endDate');
    expect(await codes('at=2031-09-01')).toEqual([]);

    const year = await create(academicYear(2031));
    const sub = await create({ code: 'DATES-T1', type: 'trimester', labels: { fr: 'T1' }, startDate: '2031-09-01', endDate: '2031-11-30', parentId: year.id });
    // Only the start changes, but it lands after the unchanged end.
    expectRefusal(await runtime.request('PATCH', `${base}/${sub.id}`, { startDate: '2031-12-01' }), 422, 'period-dates', '/endDate');
    expectRefusal(await runtime.request('PATCH', `${base}/${year.id}`, { endDate: '2031-09-01' }), 422, 'period-dates', '/endDate');
    expect(await read(sub.id)).toMatchObject({ startDate: '2031-09-01', endDate: '2031-11-30', version: 1 });
    expect(await read(year.id)).toMatchObject({ endDate: '2032-08-31', version: 1 });
  });

  it('gives an academic year no parent, a YYYY-YYYY code of consecutive years, and a start in its first year', async () => {
    const parent = await create(academicYear(2032));
    expectRefusal(await runtime.request('POST', base, academicYear(2033, { parentId: parent.id })), 422, 'academic-year-parent', '/parentId');
    expectRefusal(await runtime.request('POST', base, academicYear(2033, { code: '2033-2035' })), 422, 'academic-year-code', '/code');
    expectRefusal(await runtime.request('POST', base, academicYear(2033, { code: 'AU-2033' })), 422, 'academic-year-code', '/code');
    expectRefusal(await runtime.request('POST', base, academicYear(2033, { startDate: '2034-01-05' })), 422, 'academic-year-start', '/startDate');
    expect(await codes('at=2034-03-01')).toEqual([]);

    const year = await create(academicYear(2033));
    expectRefusal(await runtime.request('PATCH', `${base}/${year.id}`, { startDate: '2034-01-02' }), 422, 'academic-year-start', '/startDate');
    const later = await runtime.request('PATCH', `${base}/${year.id}`, { startDate: '2033-12-31' });
    expect(later.statusCode, later.body).toBe(200);
    expect(later.json()).toMatchObject({ startDate: '2033-12-31', version: 2 });
  });

  it('refuses academic years that overlap, naming the other year; adjacent years are fine', async () => {
    const first = await create(academicYear(2035));
    const next = await create(academicYear(2036)); // starts the day after 2035-2036 ends
    const overlapping = expectRefusal(await runtime.request('POST', base, academicYear(2034, { endDate: '2035-09-01' })), 422, 'period-overlap', '/startDate');
    expect(overlapping.detail).toContain('2035-2036');
    expect(overlapping.errors[0]!.message).toContain('2035-2036');
    expect(await codes('type=academic-year&at=2035-06-01')).toEqual([]);

    // An update that would stretch a year over the next one is refused too.
    const stretched = expectRefusal(await runtime.request('PATCH', `${base}/${first.id}`, { endDate: '2036-09-15' }), 422, 'period-overlap', '/endDate');
    expect(stretched.detail).toContain('2036-2037');
    expect(await read(first.id)).toMatchObject({ endDate: '2036-08-31', version: 1 });
    // Changing a year's own dates does not count it as overlapping itself.
    const shortened = await runtime.request('PATCH', `${base}/${next.id}`, { endDate: '2037-07-31' });
    expect(shortened.statusCode, shortened.body).toBe(200);
  });

  it('lets only one of several simultaneous overlapping academic years in', async () => {
    // All five contain 2074-06-01. On PGlite requests run one after the other; on PostgreSQL they race.
    const years = [2070, 2071, 2072, 2073, 2074].map((first) => academicYear(first, { startDate: `${first}-01-01`, endDate: '2075-06-30' }));
    const responses = await Promise.all(years.map((year) => runtime.request('POST', base, year)));
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 422, 422, 422, 422]);
    expect(await codes('type=academic-year&at=2074-06-01')).toHaveLength(1);
  });

  it('puts a sub-period under an existing academic year, and nowhere else', async () => {
    const year = await create(academicYear(2039));
    const semester = await create({
      code: 'PAR-S1',
      type: 'semester',
      labels: { fr: 'S1' },
      startDate: '2039-09-01',
      endDate: '2040-01-31',
      parentId: year.id,
    });
    const sub = (parentId: unknown) => ({
      code: 'PAR-T1',
      type: 'trimester',
      labels: { fr: 'T1' },
      startDate: '2039-09-01',
      endDate: '2039-11-30',
      ...(parentId === undefined ? {} : { parentId }),
    });

    expectRefusal(await runtime.request('POST', base, sub(undefined)), 422, 'parent-required', '/parentId');
    expectRefusal(await runtime.request('POST', base, sub(null)), 422, 'parent-required', '/parentId');
    expectRefusal(await runtime.request('POST', base, sub(unknownId)), 422, 'unknown-parent', '/parentId');
    const underSemester = expectRefusal(await runtime.request('POST', base, sub(semester.id)), 422, 'parent-not-academic-year', '/parentId');
    expect(underSemester.detail).toContain('PAR-S1');
    expect(await codes(`parentId=${year.id}`)).toEqual(['PAR-S1']);
    await create(sub(year.id));
  });

  it('keeps a sub-period inside its academic year, on creation and on update', async () => {
    const year = await create(academicYear(2041));
    const inside = { code: 'IN-S1', type: 'semester', labels: { fr: 'S1' }, parentId: year.id };
    expectRefusal(await runtime.request('POST', base, { ...inside, startDate: '2041-08-31', endDate: '2042-01-31' }), 422, 'outside-parent', '/startDate');
    expectRefusal(await runtime.request('POST', base, { ...inside, startDate: '2042-02-01', endDate: '2042-09-01' }), 422, 'outside-parent', '/endDate');
    // Exactly the year's own bounds are inside.
    const whole = await create({ ...inside, code: 'IN-ALL', type: 'other', startDate: '2041-09-01', endDate: '2042-08-31' });
    const semester = await create({ ...inside, startDate: '2041-09-01', endDate: '2042-01-31' });
    expectRefusal(await runtime.request('PATCH', `${base}/${semester.id}`, { endDate: '2042-09-30' }), 422, 'outside-parent', '/endDate');
    expect(await read(semester.id)).toMatchObject({ endDate: '2042-01-31', version: 1 });
    expect(whole.parentId).toBe(year.id);
  });

  it('refuses sub-periods of one type that overlap under one year; other types may overlap', async () => {
    const year = await create(academicYear(2043));
    const other = await create(academicYear(2044));
    const s1 = await create({ code: 'OV-S1', type: 'semester', labels: { fr: 'S1' }, startDate: '2043-09-01', endDate: '2044-01-31', parentId: year.id });
    const s2 = await create({ code: 'OV-S2', type: 'semester', labels: { fr: 'S2' }, startDate: '2044-02-01', endDate: '2044-08-31', parentId: year.id });

    const clash = expectRefusal(
      await runtime.request('POST', base, {
        code: 'OV-S3',
        type: 'semester',
        labels: { fr: 'S3' },
        startDate: '2044-01-15',
        endDate: '2044-03-01',
        parentId: year.id,
      }),
      422,
      'period-overlap',
      '/startDate',
    );
    expect(clash.detail).toContain('OV-S1');
    // A trimester may overlap a semester, and a semester of another year is not a sibling.
    await create({ code: 'OV-T2', type: 'trimester', labels: { fr: 'T2' }, startDate: '2043-12-01', endDate: '2044-02-28', parentId: year.id });
    await create({ code: 'OV-NEXT-S1', type: 'semester', labels: { fr: 'S1' }, startDate: '2044-09-01', endDate: '2045-01-31', parentId: other.id });

    const moved = expectRefusal(await runtime.request('PATCH', `${base}/${s2.id}`, { startDate: '2044-01-31' }), 422, 'period-overlap', '/startDate');
    expect(moved.detail).toContain('OV-S1');
    expect(await read(s2.id)).toMatchObject({ startDate: '2044-02-01', version: 1 });
    // Moving a semester within its own former dates does not make it overlap itself.
    const narrowed = await runtime.request('PATCH', `${base}/${s1.id}`, { startDate: '2043-09-15' });
    expect(narrowed.statusCode, narrowed.body).toBe(200);
  });

  it('lets only one of several simultaneous overlapping semesters in', async () => {
    const year = await create(academicYear(2046));
    const semesters = [1, 2, 3, 4, 5].map((n) => ({
      code: `RACE-${n}`,
      type: 'semester',
      labels: { fr: `S${n}` },
      startDate: `2046-09-0${n}`,
      endDate: '2047-01-31',
      parentId: year.id,
    }));
    const responses = await Promise.all(semesters.map((semester) => runtime.request('POST', base, semester)));
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 422, 422, 422, 422]);
    expect(await codes(`parentId=${year.id}`)).toHaveLength(1);
  });

  /**
   * A command whose transaction stays open, after its checks and its write,
   * until `release()`: it publishes its event last, so the gate sits there.
   * Whatever runs meanwhile meets the locks that command holds.
   */
  function heldOpen() {
    const real = runtime.contexts.get('referential')!;
    let release!: () => void;
    let reached!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const inside = new Promise<void>((resolve) => (reached = resolve));
    const publish = (async (...args: Parameters<ModuleContext['publish']>) => {
      reached();
      await gate;
      return real.publish(...args);
    }) as ModuleContext['publish'];
    return { context: { ...real, publish }, inside, release };
  }

  /** Starts `held` and waits until its transaction is open; `second` runs while it is, then `held` commits. */
  async function whileHeld<T>(held: (context: ModuleContext) => Promise<T>, second: () => Promise<LightMyRequestResponse>) {
    const hold = heldOpen();
    const first = held(hold.context);
    await hold.inside;
    const competing = second();
    // Time for the competing request to pass its checks if nothing made it wait.
    await new Promise((resolve) => setTimeout(resolve, 250));
    hold.release();
    return { first: await first, second: await competing };
  }

  it('makes a second academic-year writer wait for the first, so overlapping years cannot both pass the check', async () => {
    const { first, second } = await whileHeld(
      (context) => createPeriod(context, academicYear(2080) as CreatePeriod, systemOrigin('held')),
      () => runtime.request('POST', base, academicYear(2079, { endDate: '2080-09-01' })),
    );
    expect(first.code).toBe('2080-2081');
    expect(expectRefusal(second, 422, 'period-overlap', '/startDate').detail).toContain('2080-2081');
  });

  it('makes a second sub-period writer under the same year wait for the first', async () => {
    const year = await create(academicYear(2082));
    const semester = (code: string) => ({
      code,
      type: 'semester' as const,
      labels: { fr: code },
      startDate: '2082-09-01',
      endDate: '2083-01-31',
      parentId: year.id,
    });
    const { second } = await whileHeld(
      (context) => createPeriod(context, semester('HELD-S1'), systemOrigin('held')),
      () => runtime.request('POST', base, semester('HELD-S1-BIS')),
    );
    expect(expectRefusal(second, 422, 'period-overlap', '/startDate').detail).toContain('HELD-S1');
  });

  it('makes a shrink of a year wait for a sub-period being created at its edge, and the other way round', async () => {
    const year = await create(academicYear(2084));
    const edge = { code: 'EDGE-1', type: 'other' as const, labels: { fr: 'Fin' }, startDate: '2085-08-01', endDate: '2085-08-31', parentId: year.id };
    const shrink = await whileHeld(
      (context) => createPeriod(context, edge, systemOrigin('held')),
      () => runtime.request('PATCH', `${base}/${year.id}`, { endDate: '2085-07-31' }),
    );
    expect(expectRefusal(shrink.second, 422, 'sub-period-outside', '/endDate').detail).toContain('EDGE-1');

    const other = await create(academicYear(2086));
    const create2 = await whileHeld(
      (context) => updatePeriod(context, other.id, { endDate: '2087-07-31' } satisfies UpdatePeriod, undefined, systemOrigin('held')),
      () => runtime.request('POST', base, { ...edge, code: 'EDGE-2', startDate: '2087-08-01', endDate: '2087-08-31', parentId: other.id }),
    );
    expect(create2.first.endDate).toBe('2087-07-31');
    expectRefusal(create2.second, 422, 'outside-parent', '/endDate');
  });

  it('refuses to shrink an academic year away from its sub-periods, and allows a shrink that keeps them', async () => {
    const year = await create(academicYear(2048));
    await create({ code: 'SHR-S1', type: 'semester', labels: { fr: 'S1' }, startDate: '2048-09-15', endDate: '2049-01-31', parentId: year.id });
    await create({ code: 'SHR-S2', type: 'semester', labels: { fr: 'S2' }, startDate: '2049-02-01', endDate: '2049-06-30', parentId: year.id });

    const late = expectRefusal(await runtime.request('PATCH', `${base}/${year.id}`, { startDate: '2048-10-01' }), 422, 'sub-period-outside', '/startDate');
    expect(late.detail).toContain('SHR-S1');
    const early = expectRefusal(await runtime.request('PATCH', `${base}/${year.id}`, { endDate: '2049-06-29' }), 422, 'sub-period-outside', '/endDate');
    expect(early.detail).toContain('SHR-S2');
    expect(await read(year.id)).toMatchObject({ startDate: '2048-09-01', endDate: '2049-08-31', version: 1 });

    const kept = await runtime.request('PATCH', `${base}/${year.id}`, { startDate: '2048-09-15', endDate: '2049-06-30' });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json()).toMatchObject({ startDate: '2048-09-15', endDate: '2049-06-30', version: 2 });
  });

  it('refuses a duplicate code with 409 naming the field, and writes nothing', async () => {
    const year = await create(academicYear(2050));
    await create({ code: 'DUP-S1', type: 'semester', labels: { fr: 'S1' }, startDate: '2050-09-01', endDate: '2051-01-31', parentId: year.id });
    const again = await runtime.request('POST', base, {
      code: 'DUP-S1',
      type: 'trimester',
      labels: { fr: 'Autre' },
      startDate: '2051-02-01',
      endDate: '2051-04-30',
      parentId: year.id,
    });
    expectRefusal(again, 409, 'duplicate-code', '/code');
    // The same year twice is a duplicate, said before it is an overlap.
    expectRefusal(await runtime.request('POST', base, academicYear(2050)), 409, 'duplicate-code', '/code');
    expect(await codes(`parentId=${year.id}`)).toEqual(['DUP-S1']);
  });

  it('gives a code to only one of two simultaneous creations, under different years', async () => {
    // No shared lock orders these two: on PostgreSQL the unique index decides, and the loser still gets a 409.
    const [a, b] = [await create(academicYear(2060)), await create(academicYear(2061))];
    const semester = (year: PeriodBody) => ({
      code: 'RACE-DUP',
      type: 'semester',
      labels: { fr: 'S1' },
      startDate: year.startDate,
      endDate: `${year.startDate.slice(0, 4)}-12-31`,
      parentId: year.id,
    });
    const responses = await Promise.all([runtime.request('POST', base, semester(a)), runtime.request('POST', base, semester(b))]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expectRefusal(
      responses.find((r) => r.statusCode === 409)!,
      409,
      'duplicate-code',
      '/code',
    );
  });

  it('answers 404 for an unknown period and 400 for a malformed id', async () => {
    const missing = await runtime.request('GET', `${base}/${unknownId}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().type).toBe('urn:pegase:problem:not-found');
    expect((await runtime.request('PATCH', `${base}/${unknownId}`, { labels: { fr: 'x' } })).statusCode).toBe(404);
    const malformed = await runtime.request('GET', `${base}/not-a-uuid`);
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0]).toMatchObject({ in: 'params', field: '/id' });
  });

  it('refuses a stale If-Match with 412 and keeps the newer change', async () => {
    const year = await create(academicYear(2052));
    const first = await runtime.request('PATCH', `${base}/${year.id}`, { labels: { fr: 'Première' } }, { 'if-match': '"1"' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers['etag']).toBe('"2"');
    const second = await runtime.request('PATCH', `${base}/${year.id}`, { labels: { fr: 'Seconde' } }, { 'if-match': '"1"' });
    expect(second.statusCode).toBe(412);
    expect(second.json().type).toBe('urn:pegase:problem:stale-version');
    expect(await read(year.id)).toMatchObject({ labels: { fr: 'Première' }, version: 2 });
  });

  it('filters by type, parent (none = academic years) and a date the period contains, both days included', async () => {
    const year = await create(academicYear(2054));
    await create({ code: 'AT-S1', type: 'semester', labels: { fr: 'S1' }, startDate: '2054-09-01', endDate: '2055-01-31', parentId: year.id });
    await create({ code: 'AT-S2', type: 'semester', labels: { fr: 'S2' }, startDate: '2055-02-01', endDate: '2055-08-31', parentId: year.id });
    await create({ code: 'AT-T2', type: 'trimester', labels: { fr: 'T2' }, startDate: '2054-12-01', endDate: '2055-02-28', parentId: year.id });

    expect(await codes('at=2055-01-31&sort=code')).toEqual(['2054-2055', 'AT-S1', 'AT-T2']);
    expect(await codes('at=2055-02-01&sort=code')).toEqual(['2054-2055', 'AT-S2', 'AT-T2']);
    expect(await codes('at=2054-09-01&sort=code')).toEqual(['2054-2055', 'AT-S1']);
    expect(await codes('at=2055-08-31&sort=code')).toEqual(['2054-2055', 'AT-S2']);
    expect(await codes('at=2055-09-01')).toEqual([]);
    expect(await codes('at=2055-01-15&parentId=none')).toEqual(['2054-2055']);
    expect(await codes('at=2055-01-15&type=semester')).toEqual(['AT-S1']);
    expect(await codes(`parentId=${year.id}&type=trimester`)).toEqual(['AT-T2']);
    const all = await codes('parentId=none');
    expect(all).toContain('2054-2055');
    expect(all.every((code) => /^\d{4}-\d{4}$/.test(code))).toBe(true);
    const bad = await runtime.request('GET', `${base}?at=2055-02-30`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ in: 'querystring', field: '/at' });
  });

  it('pages with a cursor by start date and by code, both directions, without gaps or repeats', async () => {
    const year = await create(academicYear(2056));
    // Two periods start on the same day: the id breaks the tie, across pages too.
    const subs = [
      { code: 'PG-E', type: 'semester', startDate: '2056-09-01', endDate: '2057-01-31' },
      { code: 'PG-D', type: 'trimester', startDate: '2056-09-01', endDate: '2056-11-30' },
      { code: 'PG-C', type: 'other', startDate: '2056-10-01', endDate: '2056-10-15' },
      { code: 'PG-B', type: 'trimester', startDate: '2056-12-01', endDate: '2057-02-28' },
      { code: 'PG-A', type: 'semester', startDate: '2057-02-01', endDate: '2057-08-31' },
    ];
    const created: PeriodBody[] = [];
    for (const sub of subs) created.push(await create({ ...sub, labels: { fr: sub.code }, parentId: year.id }));

    const byKey = (key: (p: PeriodBody) => string, descending: boolean) =>
      [...created].sort((a, b) => (key(a) === key(b) ? (a.id < b.id ? -1 : 1) : (key(a) < key(b) ? -1 : 1) * (descending ? -1 : 1))).map((p) => p.code);
    const expected: Record<string, string[]> = {
      startDate: byKey((p) => p.startDate, false),
      '-startDate': byKey((p) => p.startDate, true),
      code: ['PG-A', 'PG-B', 'PG-C', 'PG-D', 'PG-E'],
      '-code': ['PG-E', 'PG-D', 'PG-C', 'PG-B', 'PG-A'],
    };
    expect(expected['startDate']!.slice(2)).toEqual(['PG-C', 'PG-B', 'PG-A']);

    for (const sort of ['startDate', '-startDate', 'code', '-code']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const response = await runtime.request('GET', `${base}?parentId=${year.id}&limit=2&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(response.statusCode, response.body).toBe(200);
        const page = response.json() as Page;
        seen.push(...page.items.map((i) => i.code));
        cursor = page.nextCursor;
        pages++;
      } while (cursor !== null);
      expect(seen, sort).toEqual(expected[sort]);
      expect(pages, sort).toBe(3);
    }

    const first = (await runtime.request('GET', `${base}?parentId=${year.id}&limit=2&sort=code`)).json() as Page;
    const mismatch = await runtime.request('GET', `${base}?parentId=${year.id}&limit=2&sort=startDate&cursor=${first.nextCursor}`);
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().errors[0].field).toBe('/cursor');
  });

  it('announces creations and updates through the outbox, with the request id', async () => {
    await runtime.drainEvents();
    const response = await runtime.request('POST', base, academicYear(2058));
    expect(response.statusCode, response.body).toBe(201);
    const year = response.json() as PeriodBody;
    const patched = await runtime.request('PATCH', `${base}/${year.id}`, { labels: { fr: 'Changée' } });
    expect(patched.statusCode, patched.body).toBe(200);
    // A refused change announces nothing.
    expect((await runtime.request('PATCH', `${base}/${year.id}`, { endDate: '2058-01-01' })).statusCode).toBe(422);
    expect(await runtime.drainEvents()).toBe(2);

    const rows = await runtime.database.withRawSession((session) =>
      session.query<{ type: string; subject: string; request_id: string; code: string; version: number; published: boolean }>(
        "select type, subject, request_id, data->>'code' as code, (data->>'version')::int as version, published_at is not null as published from pegase_platform.outbox where subject = $1 order by position",
        [year.id],
      ),
    );
    expect(rows).toEqual([
      { type: 'referential.period.created', subject: year.id, request_id: response.headers['x-request-id'], code: '2058-2059', version: 1, published: true },
      { type: 'referential.period.updated', subject: year.id, request_id: patched.headers['x-request-id'], code: '2058-2059', version: 2, published: true },
    ]);
  });
});

describe('period sandbox', () => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await createTestRuntime([referentialModule]);
  });
  afterAll(async () => runtime.close());

  it('loads two academic years with two semesters each, labelled in French and English', async () => {
    await loadSandboxPeriods(runtime.contexts.get('referential')!, systemOrigin('sandbox-test'));
    const years = (await runtime.request('GET', `${base}?parentId=none&sort=startDate`)).json() as Page;
    expect(years.items).toEqual([
      expect.objectContaining({
        code: '2025-2026',
        startDate: '2025-09-01',
        endDate: '2026-08-31',
        labels: { fr: 'Année universitaire 2025-2026', en: 'Academic year 2025-2026' },
      }),
      expect.objectContaining({
        code: '2026-2027',
        startDate: '2026-09-01',
        endDate: '2027-08-31',
        labels: { fr: 'Année universitaire 2026-2027', en: 'Academic year 2026-2027' },
      }),
    ]);
    const semesters = (await runtime.request('GET', `${base}?parentId=${years.items[1]!.id}&sort=startDate`)).json() as Page;
    expect(semesters.items).toEqual([
      expect.objectContaining({
        code: '2026-2027-S1',
        type: 'semester',
        startDate: '2026-09-01',
        endDate: '2027-01-31',
        labels: { fr: 'Semestre 1 2026-2027', en: 'Semester 1 2026-2027' },
      }),
      expect.objectContaining({
        code: '2026-2027-S2',
        type: 'semester',
        startDate: '2027-02-01',
        endDate: '2027-08-31',
        labels: { fr: 'Semestre 2 2026-2027', en: 'Semester 2 2026-2027' },
      }),
    ]);
    const today = (await runtime.request('GET', `${base}?at=2026-02-01&sort=code`)).json() as Page;
    expect(today.items.map((p) => p.code)).toEqual(['2025-2026', '2025-2026-S2']);
  });
});

import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testServerUrl, type TestDatabase } from '@pegase/platform/testing';
import { freePort, runPegase, startPegase, type Serving } from './run-pegase.ts';

const LEARNERS = 60;

/**
 * The enrolment peak's promise, against real processes on PostgreSQL: a
 * server killed (SIGKILL) while submissions are in flight loses none it
 * acknowledged, and when the clients retry with the same Idempotency-Key on
 * a new server, each enrolment is submitted exactly once — one state change,
 * one event. Needs a real PostgreSQL: runs in `npm run test:integration`.
 */
describe.skipIf(testServerUrl() === undefined)('a server killed during submissions, and the clients retrying', () => {
  const servers: Serving[] = [];
  let database: TestDatabase;
  afterAll(async () => {
    for (const server of servers) server.child.kill('SIGKILL');
    await Promise.all(servers.map((s) => s.exited));
    await database?.drop();
  });

  it('loses no acknowledged submission and duplicates none', async () => {
    database = await createTestDatabase();
    const env = { DATABASE_URL: database.url!, PEGASE_MIGRATE_ON_START: 'true', PEGASE_PUBLIC_URL: 'https://scolarite.example.fr', LOG_LEVEL: 'warn' };
    const first = await startPegase([], env, await freePort());
    servers.push(first);
    await runPegase(['account', '--login', 'kill-admin', '--roles', 'admin', '--password-stdin'], env, 60_000, 'a long enough password\n');
    const token = (await runPegase(['token', '--user', 'kill-admin'], env)).stdout.trim();
    const call = async (base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, json: (await response.json().catch(() => null)) as Record<string, unknown> & { id: string } };
    };
    const made = async (path: string, body: unknown) => {
      const response = await call(first.baseUrl, 'POST', path, body);
      expect(response.status, `${path}: ${JSON.stringify(response.json)}`).toBe(201);
      return response.json;
    };

    // What an enrolment needs, through the APIs.
    for (const [code, values] of [
      ['COUNTRY', ['100']],
      ['SEX', ['F', 'M']],
      ['REGIME', ['FI']],
      ['ENROLMENT-ORIGIN', ['PARCOURSUP']],
    ] as const) {
      await made('/api/referential/v1/nomenclatures', { code, labels: { fr: code } });
      for (const value of values)
        await made(`/api/referential/v1/nomenclatures/${code}/values`, { code: value, labels: { fr: value }, validFrom: '1900-01-01' });
    }
    const period = await made('/api/referential/v1/periods', {
      code: '2026-2027',
      type: 'academic-year',
      labels: { fr: '2026-2027' },
      startDate: '2026-09-01',
      endDate: '2027-08-31',
    });
    const faculty = await made('/api/referential/v1/structures', { code: 'UFR-K', type: 'ufr', labels: { fr: 'UFR K' } });
    // The curriculum learns of the period and the structure from events: retry until it has.
    let formation: { id: string } | undefined;
    for (let attempt = 0; attempt < 100 && formation === undefined; attempt++) {
      const response = await call(first.baseUrl, 'POST', '/api/curriculum/v1/objects', {
        periodId: period.id,
        code: 'LIC-K',
        type: 'formation',
        labels: { fr: 'Licence K' },
        ownerStructureId: faculty.id,
      });
      if (response.status === 201) formation = response.json;
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(formation).toBeDefined();
    const year = await made('/api/curriculum/v1/objects', {
      periodId: period.id,
      code: 'LIC-K-L1',
      type: 'year',
      labels: { fr: 'L1' },
      enrolmentPoint: true,
      ownerStructureId: faculty.id,
      parentId: formation!.id,
    });
    expect((await call(first.baseUrl, 'POST', `/api/curriculum/v1/objects/${formation!.id}/validate`)).status).toBe(200);

    const enrolments: string[] = [];
    for (let i = 0; i < LEARNERS; i++) {
      const learner = await made('/api/enrolment/v1/learners', {
        familyName: `Apprenant ${String.fromCharCode(65 + Math.floor(i / 26), 65 + (i % 26))}`,
        givenNames: 'Test',
        birthDate: '2006-01-01',
        birthCountry: '100',
        sex: 'F',
      });
      let enrolment: { id: string } | undefined;
      for (let attempt = 0; attempt < 100 && enrolment === undefined; attempt++) {
        const response = await call(first.baseUrl, 'POST', '/api/enrolment/v1/enrolments', {
          learnerId: learner.id,
          pointId: year.id,
          origin: 'PARCOURSUP',
          regime: 'FI',
        });
        if (response.status === 201) enrolment = response.json;
        else await new Promise((resolve) => setTimeout(resolve, 100));
      }
      enrolments.push(enrolment!.id);
    }

    // Every student submits at once; the server dies while they are in flight.
    const key = (id: string) => `kill-test-${id}`;
    const submit = (base: string, id: string) =>
      call(base, 'POST', `/api/enrolment/v1/enrolments/${id}/submit`, undefined, { 'idempotency-key': key(id) }).catch(() => undefined);
    let answered = 0;
    const inFlight = enrolments.map((id) => submit(first.baseUrl, id).then((answer) => ((answered += 1), answer)));
    // Killed mid-way: some answered, some committed but not answered, some not begun.
    for (let waited = 0; answered < LEARNERS / 4 && waited < 5000; waited += 2) await new Promise((resolve) => setTimeout(resolve, 2));
    first.child.kill('SIGKILL');
    const answers = await Promise.all(inFlight);
    const acknowledged = new Map<string, Record<string, unknown>>();
    answers.forEach((answer, index) => {
      if (answer?.status === 200) acknowledged.set(enrolments[index]!, answer.json);
    });

    // Every acknowledged submission is in the database, before anyone retries.
    const check = new pg.Client({ connectionString: database.url! });
    await check.connect();
    const committed = new Set((await check.query<{ id: string }>("select id from enrolment.enrolments where status = 'submitted'")).rows.map((row) => row.id));
    await check.end();
    for (const id of acknowledged.keys()) expect(committed.has(id), `acknowledged ${id} was lost`).toBe(true);

    // A new server on the same database; every client retries with its key.
    const second = await startPegase([], { ...env, PEGASE_MIGRATE_ON_START: 'false' }, await freePort());
    servers.push(second);
    for (const id of enrolments) {
      const retry = await submit(second.baseUrl, id);
      expect(retry?.status, `${id}: ${JSON.stringify(retry?.json)}`).toBe(200);
      expect(retry!.json['status']).toBe('submitted');
      const before = acknowledged.get(id);
      if (before !== undefined) {
        // What was acknowledged is what the retry finds: same submission, same version.
        expect(retry!.json['submittedAt']).toBe(before['submittedAt']);
        expect(retry!.json['version']).toBe(before['version']);
      }
    }

    const client = new pg.Client({ connectionString: database.url! });
    await client.connect();
    try {
      const states = await client.query<{ status: string; n: string }>('select status, count(*) as n from enrolment.enrolments group by status');
      expect(states.rows).toEqual([{ status: 'submitted', n: String(LEARNERS) }]);
      const events = await client.query<{ subject: string; n: string }>(
        "select subject, count(*) as n from pegase_platform.outbox where type = 'enrolment.enrolment.submitted' group by subject",
      );
      expect(events.rows).toHaveLength(LEARNERS);
      expect(events.rows.every((row) => row.n === '1')).toBe(true);
    } finally {
      await client.end();
    }
    console.log(
      `kill-and-retry: ${acknowledged.size} of ${LEARNERS} submissions acknowledged before the kill, ${committed.size} committed; all ${LEARNERS} submitted exactly once after the retries`,
    );
  }, 240_000);
});

/**
 * The enrolment peak (issue 6), on PostgreSQL, over real HTTP: simulated
 * students complete the whole online flow at the same time against one
 * server — admissions, enrolment from the invitation, contacts and bac,
 * previous situation, photo, fees, payment through the test bank, submission,
 * certificate. Goal: at least 100 complete enrolments per second (a
 * 60,000-student university in 10 minutes), p99 < 250 ms for every request,
 * no error. In the same run, the same writes as plain SQL over a pool with
 * the same concurrency give the ceiling the HTTP figure compares with.
 *
 *   npm run bench:enrolment                               # starts a scratch PostgreSQL 15 (scripts/postgres.sh)
 *   PEGASE_TEST_DATABASE_URL=postgres://… npm run bench:enrolment
 *   STUDENTS=3000 CONCURRENCY=50 npm run bench:enrolment  # the defaults
 *   SMOKE=1 npm run bench:enrolment                       # 100 students, 10 at a time: does every step work?
 *
 * Other settings: WARMUP (students run first, not measured; default 50),
 * SOLO (students run one at a time before the measured run: what each step
 * costs on an idle server; default 20), POLL_MS (how often a page asks again
 * while an event is on its way; default 250, the web app asks every second),
 * PEGASE_DB_POOL_MAX (the server's pool; default 10 as in production),
 * CEILING=0 (no SQL ceiling), EXPLAIN=1 (the plans of the hot queries even
 * when every goal is met).
 *
 * The server is what `pegase serve` runs: every module of apps/server, the
 * configuration's pool, events delivered in the background by the inline
 * dispatcher. Set-up goes through the APIs (and their events), except the
 * SQL ceiling's own learners and admissions, inserted set-based. The
 * students run in a worker thread (their own event loop, as browsers are
 * not in the server), each request timed over a keep-alive socket. Prints
 * each figure with its goal, PASS or MISS; exits 1 when a goal is missed.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { crc32, deflateSync } from 'node:zlib';
import pg from 'pg';
import type { HTTPMethods } from 'fastify';
import { postgresCpuSeconds } from '../shared/postgres-cpu.ts';
import { withPostgres } from '../shared/scratch-postgres.ts';

const smoke = process.env['SMOKE'] === '1';
const setting = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got ${process.env[name]}`);
  return value;
};

// ---------------------------------------------------------------- the students' side (worker thread)

/** The measured requests of one flow, in order. Polls are timed in the step they repeat. */
const STEPS = {
  admissions: ' 1 GET   /enrolment/me/admissions',
  enrol: ' 2 POST  /enrolment/me/enrolments',
  contacts: ' 3 PATCH /enrolment/me (contacts, bac)',
  situation: ' 4 PATCH /enrolment/me/enrolments/{id}',
  photo: ' 5 PUT   …/documents/PHOTO',
  fees: ' 6 GET   /payment/me/enrolments/{id}/fees',
  pay: ' 7 POST  /payment/me/enrolments/{id}/payments',
  bankPage: ' 7 GET   test bank page',
  bankPay: ' 7 POST  test bank form « pay » (signed callback)',
  back: ' 7 GET   /enrolment/me/enrolments (back from bank)',
  submit: ' 8 POST  /enrolment/me/enrolments/{id}/submit',
  paid: ' 9 GET   /enrolment/me/enrolments (until paid)',
  certificate: ' 9 GET   /documents/me/enrolments/{id}/certificate',
} as const;
type Step = keyof typeof STEPS;

interface Student {
  code: string;
  token: string;
}

interface RunInput {
  baseUrl: string;
  students: Student[];
  concurrency: number;
  pollMs: number;
  photo: Uint8Array;
  /** Steps 3 and 4 exist on this server; step 9 is measured, probed (warm-up: is there a certificate before validation?) or skipped. */
  contacts: boolean;
  situation: boolean;
  certificate: 'measure' | 'probe' | 'skip';
}

interface FlowError {
  step: Step;
  code: string;
  status: number;
  body: string;
}

interface RunResult {
  /** Milliseconds per request, by step. */
  samples: Record<Step, number[]>;
  /** Requests repeated because an event had not arrived yet (fees 404, payment not paid yet, certificate 409/503). */
  polls: Record<Step, number>;
  flowMs: number[];
  completed: number;
  errors: FlowError[];
  elapsedMs: number;
  /** Warm-up: how the certificate answered a submitted and paid enrolment. */
  certificateProbe: Record<string, number>;
  pdfBytes: number;
  /** Share of the run the students' own event loop was busy (the client must not be the bottleneck). */
  clientBusy: number;
}

class Failure extends Error {
  readonly detail: FlowError;
  constructor(detail: FlowError) {
    super(`${detail.step}: ${detail.status} ${detail.body}`);
    this.detail = detail;
  }
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

async function runStudents(input: RunInput): Promise<RunResult> {
  const base = new URL(input.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: input.concurrency, maxFreeSockets: input.concurrency });
  const photo = Buffer.from(input.photo);
  const stepNames = Object.keys(STEPS) as Step[];
  const result: RunResult = {
    samples: Object.fromEntries(stepNames.map((step) => [step, []])) as unknown as Record<Step, number[]>,
    polls: Object.fromEntries(stepNames.map((step) => [step, 0])) as Record<Step, number>,
    flowMs: [],
    completed: 0,
    errors: [],
    elapsedMs: 0,
    certificateProbe: {},
    pdfBytes: 0,
    clientBusy: 0,
  };
  const deadlineMs = 60_000;

  const send = (method: string, path: string, headers: Record<string, string>, body?: Buffer | string) =>
    new Promise<Answer>((resolve, reject) => {
      const payload = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body);
      const request = http.request(
        {
          host: base.hostname,
          port: base.port,
          method,
          path,
          agent,
          headers: { ...headers, ...(payload === undefined ? {} : { 'content-length': String(payload.length) }) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
          response.on('error', reject);
        },
      );
      request.setTimeout(deadlineMs, () => request.destroy(new Error(`no answer in ${deadlineMs / 1000} s`)));
      request.on('error', reject);
      request.end(payload);
    });

  /** One request of a step, timed from the first byte sent to the last byte received. */
  const timed = async (step: Step, code: string, method: string, path: string, headers: Record<string, string>, body?: Buffer | string) => {
    const started = performance.now();
    let answer: Answer;
    try {
      answer = await send(method, path, headers, body);
    } catch (error) {
      throw new Failure({ step, code, status: 0, body: (error as Error).message });
    }
    result.samples[step].push(performance.now() - started);
    return answer;
  };
  const expect = (step: Step, code: string, answer: Answer, status: number) => {
    if (answer.status !== status) throw new Failure({ step, code, status: answer.status, body: answer.body.toString('utf8').slice(0, 600) });
  };
  const json = <T>(answer: Answer) => JSON.parse(answer.body.toString('utf8')) as T;
  const slugOf = (answer: Answer) => {
    try {
      return String(json<{ type?: string }>(answer).type ?? '').replace('urn:pegase:problem:', '');
    } catch {
      return '';
    }
  };

  async function flow(student: Student): Promise<void> {
    const { code } = student;
    const auth = { authorization: `Bearer ${student.token}`, accept: 'application/json' };
    const withJson = { ...auth, 'content-type': 'application/json' };

    // 1. Where may I enrol?
    let answer = await timed('admissions', code, 'GET', '/api/enrolment/v1/me/admissions', auth);
    expect('admissions', code, answer, 200);
    const invitation = json<{ invitationCode: string; status: string }[]>(answer).find((admission) => admission.status === 'invited');
    if (invitation === undefined) throw new Failure({ step: 'admissions', code, status: 200, body: 'no open invitation' });

    // 2. Start the enrolment from the invitation.
    answer = await timed(
      'enrol',
      code,
      'POST',
      '/api/enrolment/v1/me/enrolments',
      withJson,
      JSON.stringify({ invitationCode: invitation.invitationCode, regime: 'FI', profiles: [] }),
    );
    expect('enrol', code, answer, 201);
    const enrolment = json<{ id: string }>(answer);
    const mine = `/api/enrolment/v1/me/enrolments/${enrolment.id}`;

    // 3. Contacts and bac on one's own record.
    if (input.contacts) {
      answer = await timed(
        'contacts',
        code,
        'PATCH',
        '/api/enrolment/v1/me',
        withJson,
        JSON.stringify({
          email: `${code.toLowerCase()}@etu.example.fr`,
          phone: '06 12 34 56 78',
          address: { line1: '12 rue des Écoles', postcode: '69007', city: 'Lyon', country: '100' },
          bac: { year: 2025, series: 'GENERALE', country: '100' },
        }),
      );
      expect('contacts', code, answer, 200);
    }

    // 4. What one did the year before.
    if (input.situation) {
      answer = await timed(
        'situation',
        code,
        'PATCH',
        mine,
        withJson,
        JSON.stringify({ previousSituation: { situation: 'LYCEE', year: 2025, establishment: 'Lycée Ampère, Lyon' } }),
      );
      expect('situation', code, answer, 200);
    }

    // 5. The photo: the file itself as the body, its type read from its content.
    answer = await timed('photo', code, 'PUT', `${mine}/documents/PHOTO`, { ...auth, 'content-type': 'image/png' }, photo);
    expect('photo', code, answer, 200);

    // 6. The fees (the payment module knows the enrolment from its event: until then 404, and the page asks again).
    const feesPath = `/api/payment/v1/me/enrolments/${enrolment.id}/fees`;
    const since = performance.now();
    answer = await timed('fees', code, 'GET', feesPath, auth);
    while (answer.status === 404 && performance.now() - since < deadlineMs) {
      result.polls.fees++;
      await sleep(input.pollMs);
      answer = await timed('fees', code, 'GET', feesPath, auth);
    }
    expect('fees', code, answer, 200);

    // 7. Pay at once: the bank's page, « Payer », the bank calls back signed and sends the browser back.
    answer = await timed(
      'pay',
      code,
      'POST',
      `/api/payment/v1/me/enrolments/${enrolment.id}/payments`,
      withJson,
      JSON.stringify({ instalments: 1, returnPath: `/inscription/${enrolment.id}` }),
    );
    expect('pay', code, answer, 201);
    const started = json<{ paymentId: string; redirectUrl: string }>(answer);
    answer = await timed('bankPage', code, 'GET', started.redirectUrl, { accept: 'text/html', 'accept-language': 'fr-FR,fr;q=0.9' });
    expect('bankPage', code, answer, 200);
    const form = answer.body.toString('utf8');
    const action = /<form method="post" action="([^"]+)"/.exec(form)?.[1];
    const session = /name="session" value="([^"]+)"/.exec(form)?.[1];
    if (action === undefined || session === undefined) throw new Failure({ step: 'bankPage', code, status: 200, body: 'no payment form on the page' });
    answer = await timed(
      'bankPay',
      code,
      'POST',
      action,
      { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
      new URLSearchParams({ session, lang: 'fr', decision: 'pay' }).toString(),
    );
    expect('bankPay', code, answer, 303);
    if (!String(answer.headers.location).includes('status=paid')) {
      throw new Failure({ step: 'bankPay', code, status: 303, body: `sent back to ${answer.headers.location}` });
    }
    answer = await timed('back', code, 'GET', '/api/enrolment/v1/me/enrolments', auth);
    expect('back', code, answer, 200);

    // 8. Submit, with a key drawn once for this submission.
    answer = await timed('submit', code, 'POST', `${mine}/submit`, { ...auth, 'idempotency-key': `bench-${enrolment.id}` });
    expect('submit', code, answer, 200);

    // 9. The certificate, once the enrolment shows its fees paid (the payment's event sets it).
    if (input.certificate === 'skip') return;
    const paidSince = performance.now();
    for (;;) {
      answer = await timed('paid', code, 'GET', '/api/enrolment/v1/me/enrolments', auth);
      expect('paid', code, answer, 200);
      const shown = json<{ id: string; paymentStatus: string }[]>(answer).find((candidate) => candidate.id === enrolment.id);
      if (shown?.paymentStatus === 'paid') break;
      if (performance.now() - paidSince > deadlineMs) throw new Failure({ step: 'paid', code, status: 200, body: `fees still ${shown?.paymentStatus}` });
      result.polls.paid++;
      await sleep(input.pollMs);
    }
    const certificatePath = `/api/documents/v1/me/enrolments/${enrolment.id}/certificate`;
    const certificateSince = performance.now();
    const patience = input.certificate === 'probe' ? 10_000 : deadlineMs;
    for (;;) {
      answer = await timed('certificate', code, 'GET', certificatePath, { authorization: auth.authorization, accept: 'application/pdf' });
      // 503 busy or 409: the documents module has not had the enrolment's latest events yet.
      const waiting = answer.status === 503 || answer.status === 409;
      if (!waiting || performance.now() - certificateSince > patience) break;
      result.polls.certificate++;
      await sleep(input.pollMs);
    }
    if (input.certificate === 'probe') {
      const outcome = answer.status === 200 ? 'issued' : `${answer.status} ${slugOf(answer)}`;
      result.certificateProbe[outcome] = (result.certificateProbe[outcome] ?? 0) + 1;
      return;
    }
    expect('certificate', code, answer, 200);
    result.pdfBytes = answer.body.length;
  }

  let next = 0;
  const began = performance.now();
  const loop = performance.eventLoopUtilization();
  await Promise.all(
    Array.from({ length: Math.min(input.concurrency, input.students.length) }, async () => {
      while (next < input.students.length) {
        const student = input.students[next++]!;
        const started = performance.now();
        try {
          await flow(student);
          result.flowMs.push(performance.now() - started);
          result.completed++;
        } catch (error) {
          result.errors.push(
            error instanceof Failure ? error.detail : { step: 'admissions', code: student.code, status: 0, body: String((error as Error).stack ?? error) },
          );
        }
      }
    }),
  );
  result.elapsedMs = performance.now() - began;
  result.clientBusy = performance.eventLoopUtilization(loop).utilization;
  agent.destroy();
  return result;
}

if (!isMainThread) {
  parentPort!.postMessage(await runStudents(workerData as RunInput));
}

// ---------------------------------------------------------------- the server's side (main thread)

/** Runs the students in a worker thread: their own event loop, as a browser is not in the server. */
function inWorker(input: RunInput): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: input });
    worker.once('message', (message: RunResult) => resolve(message));
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`the students' worker exited with ${code}`))));
  });
}

/** A real PNG (noisy like a photograph, so it does not compress away), about 80 KB. */
function photoPng(width = 160, height = 200): Buffer {
  const stride = width * 3 + 1;
  const raw = Buffer.alloc(stride * height);
  const noise = randomBytes(raw.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = y * stride + 1 + x * 3;
      raw[at] = ((x * 255) / width + (noise[at]! & 0x3f)) & 0xff;
      raw[at + 1] = ((y * 255) / height + (noise[at + 1]! & 0x3f)) & 0xff;
      raw[at + 2] = (128 + (noise[at + 2]! & 0x3f)) & 0xff;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per sample
  header[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

interface Goal {
  name: string;
  figure: string;
  goal: string;
  met: boolean;
  /** Printed after the verdict. */
  note?: string;
}
const goals: Goal[] = [];

function report(goal: Goal): void {
  goals.push(goal);
  console.log(
    `${goal.name.padEnd(58)} ${goal.figure.padEnd(46)} goal ${goal.goal.padEnd(12)} ${goal.met ? 'PASS' : 'MISS'}${goal.note ? `  ${goal.note}` : ''}`,
  );
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const ms = (value: number) => `${value.toFixed(1).padStart(7)} ms`;

/** The fees of the period: as in payment's tests, Licence 178 €, payable at once or in three instalments. */
const FEE_RULES = {
  levels: [{ level: 'LICENCE', labels: { fr: 'Droits d’inscription — Licence', en: 'Tuition fees — Licence' }, amountCents: 17800 }],
  adjustments: [{ profile: 'BOURSIER', kind: 'exemption', labels: { fr: 'Exonération — boursier' } }],
  extras: [],
  instalments: true,
};

const POINTS = 3;

/** A family name per student: letters only (duplicates are matched on the letters of the name), e.g. Banc-Bcd. */
const familyNameOf = (i: number) =>
  `Banc-${[...i.toString(26).padStart(3, '0')].map((digit, at) => String.fromCharCode((at === 0 ? 65 : 97) + parseInt(digit, 26))).join('')}`;

async function main(): Promise<void> {
  const students = setting('STUDENTS', smoke ? 100 : 3000);
  const concurrency = Math.max(1, setting('CONCURRENCY', smoke ? 10 : 50));
  const warmUp = setting('WARMUP', smoke ? 10 : 50);
  const solo = setting('SOLO', smoke ? 5 : 20);
  const pollMs = setting('POLL_MS', 250);
  const ceilingWanted = process.env['CEILING'] !== '0';
  const { createLogger, createRuntime, issueAccessToken, loadConfig } = await import('@pegase/platform');
  const { createTestDatabase, testAdmin } = await import('@pegase/platform/testing');
  // Every module `pegase serve` serves, in its order.
  const { allModules } = await import('../../apps/server/src/modules.ts');

  await withPostgres(async (serverUrl) => {
    // A fresh database on that server (dropped at the end), served with the production configuration:
    // the pool of PEGASE_DB_POOL_MAX (10 by default; the test runtime's is 5) and events delivered in the background.
    process.env['PEGASE_TEST_DATABASE_URL'] = serverUrl;
    const database = await createTestDatabase();
    const config = loadConfig({ LOG_LEVEL: 'silent', PEGASE_DB_POOL_MAX: process.env['PEGASE_DB_POOL_MAX'] ?? '' });
    if (database.location.kind !== 'postgres' || database.url === undefined) throw new Error('the benchmark runs on PostgreSQL');
    const runtime = await createRuntime({
      config,
      modules: allModules,
      database: { ...database.location, poolMax: config.databasePoolMax, applicationName: 'pegase-bench' },
      logger: createLogger('silent'),
      version: 'bench',
      deliverEvents: true,
    });
    const data = new pg.Client({ connectionString: database.url });
    await data.connect();
    const one = async <T>(text: string, values: unknown[] = []) => (await data.query(text, values)).rows[0] as T;
    let closed = false;
    try {
      const adminToken = await issueAccessToken(runtime.keys, runtime.issuer, testAdmin, 3600);
      const call = async <T = { id: string }>(method: HTTPMethods, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> => {
        const response = await runtime.app.inject({
          method,
          url,
          headers: {
            authorization: `Bearer ${adminToken}`,
            ...(body === undefined || typeof body === 'string' ? {} : { 'content-type': 'application/json' }),
            ...headers,
          },
          ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
        });
        if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body.slice(0, 2000)}`);
        return response.json() as T;
      };
      /** Waits until the background delivery has handled every event (a failing handler stops the benchmark). */
      const settle = async () => {
        for (;;) {
          const row = await one<{ pending: number; failing: string | null }>(
            `select count(*)::int as pending, max(last_error) as failing from pegase_platform.outbox where published_at is null`,
          );
          if (row.failing !== null) throw new Error(`an event handler fails: ${row.failing}`);
          if (row.pending === 0) return;
          await sleep(20);
        }
      };
      const inParallel = async <T>(items: T[], lanes: number, work: (item: T, index: number) => Promise<void>) => {
        let next = 0;
        await Promise.all(
          Array.from({ length: lanes }, async () => {
            while (next < items.length) {
              const index = next++;
              await work(items[index]!, index);
            }
          }),
        );
      };

      // ---------------------------------------------------------------- set-up, through the APIs (not measured)
      const setupStarted = performance.now();
      await call('PUT', '/api/referential/v1/establishment', { uai: '0999999F', name: 'Université Pégase', city: 'Lyon' });
      const nomenclatures: Record<string, string[]> = {
        COUNTRY: ['100'],
        SEX: ['F', 'M'],
        REGIME: ['FI'],
        'ENROLMENT-ORIGIN': ['PARCOURSUP'],
        'DOCUMENT-TYPE': ['PHOTO'],
        PROFILE: ['BOURSIER'],
        'BAC-SERIES': ['GENERALE'],
        'PREVIOUS-SITUATION': ['LYCEE'],
      };
      for (const [code, values] of Object.entries(nomenclatures)) {
        await call('POST', '/api/referential/v1/nomenclatures', { code, labels: { fr: code } });
        for (const value of values)
          await call('POST', `/api/referential/v1/nomenclatures/${code}/values`, { code: value, labels: { fr: value }, validFrom: '1900-01-01' });
      }
      const period = await call('POST', '/api/referential/v1/periods', {
        code: '2026-2027',
        type: 'academic-year',
        labels: { fr: 'Année universitaire 2026-2027', en: 'Academic year 2026-2027' },
        startDate: '2026-09-01',
        endDate: '2027-08-31',
      });
      const faculty = await call('POST', '/api/referential/v1/structures', { code: 'UFR-BENCH', type: 'ufr', labels: { fr: 'UFR du banc d’essai' } });
      const department = await call('POST', '/api/referential/v1/structures', {
        code: 'BENCH-DEPT',
        type: 'department',
        labels: { fr: 'Département du banc d’essai' },
        parentId: faculty.id,
      });
      await settle();
      const formation = await call('POST', '/api/curriculum/v1/objects', {
        periodId: period.id,
        code: 'LIC-BENCH',
        type: 'formation',
        labels: { fr: 'Licence du banc d’essai', en: 'Benchmark bachelor' },
        ownerStructureId: department.id,
      });
      const points: string[] = [];
      for (let year = 1; year <= POINTS; year++) {
        const point = await call('POST', '/api/curriculum/v1/objects', {
          periodId: period.id,
          code: `LIC-BENCH-L${year}`,
          type: 'year',
          labels: { fr: `L${year} du banc d’essai`, en: `Year ${year}` },
          enrolmentPoint: true,
          ownerStructureId: department.id,
          parentId: formation.id,
        });
        points.push(point.id);
      }
      await call('POST', `/api/curriculum/v1/objects/${formation.id}/validate`);
      await settle();
      await call('PUT', '/api/payment/v1/settings', { provider: 'test' });
      await call('PUT', `/api/payment/v1/periods/${period.id}/fee-rules`, FEE_RULES);
      for (const point of points) await call('PUT', `/api/payment/v1/points/${point}/level`, { level: 'LICENCE' });
      await call('POST', '/api/enrolment/v1/document-requirements', { documentType: 'PHOTO' });

      // Learners through the API (payment and documents learn them from learner.created), admissions by CSV import.
      const total = 1 + warmUp + solo + students;
      const learners: { code: string; point: number }[] = new Array(total);
      await inParallel(
        Array.from({ length: total }, (_, i) => i),
        8,
        async (i) => {
          const learner = await call<{ code: string }>('POST', '/api/enrolment/v1/learners', {
            ine: `${String(100_000_000 + i).padStart(9, '0')}BE`,
            familyName: familyNameOf(i),
            givenNames: 'Camille Alex',
            birthDate: `2007-0${1 + (i % 9)}-1${i % 10}`,
            birthCountry: '100',
            sex: i % 2 === 0 ? 'F' : 'M',
          });
          learners[i] = { code: learner.code, point: i % POINTS };
        },
      );
      for (let p = 0; p < POINTS; p++) {
        const lines = learners.flatMap((learner, i) =>
          learner.point === p
            ? [`${i};${familyNameOf(i)};Camille Alex;2007-0${1 + (i % 9)}-1${i % 10};${String(100_000_000 + i).padStart(9, '0')}BE;banc${i}@example.org`]
            : [],
        );
        for (let start = 0; start < lines.length; start += 5_000) {
          const csv = ['numero;nom;prenoms;date_naissance;ine;email', ...lines.slice(start, start + 5_000)].join('\n');
          const imported = await call<{ invited: number }>('POST', `/api/enrolment/v1/points/${points[p]}/admissions/import?source=PARCOURSUP`, csv, {
            'content-type': 'text/csv',
          });
          if (imported.invited !== Math.min(5_000, lines.length - start)) throw new Error(`admissions: ${imported.invited} invited`);
        }
      }
      await settle();
      const tokens: Student[] = [];
      for (const learner of learners) {
        const claims = { subject: `student-${learner.code}`, login: learner.code.toLowerCase(), roles: ['student' as const], learnerCode: learner.code };
        tokens.push({ code: learner.code, token: await issueAccessToken(runtime.keys, runtime.issuer, claims, 3600) });
      }
      await data.query('analyze');
      const photo = photoPng();
      const version = await one<{ version: string }>(`select current_setting('server_version') as version`);
      console.log(
        `enrolment peak on PostgreSQL ${version.version}, Node ${process.version}, ${process.platform}/${process.arch}: ` +
          `${students.toLocaleString('en')} students (+${1 + warmUp} warm-up, +${solo} alone), ${concurrency} at a time, server pool ${config.databasePoolMax}, ` +
          `${POINTS} enrolment points, a ${(photo.length / 1024).toFixed(0)} KB photo; set up in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`,
      );

      // Which steps this server has: its own OpenAPI document says (steps 3 and 4 are being added).
      const operations = new Set<string>();
      const document = await call<{ paths: Record<string, Record<string, { operationId?: string }>> }>('GET', '/api/openapi.json');
      for (const path of Object.values(document.paths)) for (const operation of Object.values(path)) operations.add(operation.operationId ?? '');
      const contacts = operations.has('updateMyLearnerRecord');
      const situation = operations.has('updateMyEnrolment');
      if (!contacts) console.log('  note: PATCH /api/enrolment/v1/me (updateMyLearnerRecord) is not served yet: step 3 skipped');
      if (!situation) console.log('  note: PATCH /api/enrolment/v1/me/enrolments/{id} (updateMyEnrolment) is not served yet: step 4 skipped');

      const listening = await runtime.app.listen({ port: 0, host: '127.0.0.1' });
      const base = { baseUrl: listening, concurrency, pollMs, photo, contacts, situation };

      // One student first, alone: does a submitted and paid enrolment get its (provisional) certificate on this server?
      let certificate: RunInput['certificate'] = 'measure';
      const probe = await inWorker({ ...base, students: tokens.slice(0, 1), concurrency: 1, certificate: 'probe' });
      if (probe.errors.length > 0) {
        const [error] = probe.errors;
        throw new Error(`the first student's flow fails at ${STEPS[error!.step].trim()}: ${error!.status} ${error!.body}`);
      }
      if (probe.certificateProbe['issued'] === undefined) {
        certificate = 'skip';
        console.log(
          `  note: GET …/me/enrolments/{id}/certificate answers ${Object.keys(probe.certificateProbe).join(', ')} for a submitted and paid enrolment: step 9 skipped`,
        );
      }
      // The warm-up (not measured).
      if (warmUp > 0) {
        const warm = await inWorker({ ...base, students: tokens.slice(1, 1 + warmUp), concurrency: Math.min(concurrency, warmUp), certificate });
        if (warm.errors.length > 0) {
          console.log(`warm-up: ${warm.errors.length} of ${warmUp} flows failed, the first:`);
          for (const error of warm.errors.slice(0, 3)) console.log(`  ${STEPS[error.step].trim()} (${error.code}): ${error.status} ${error.body}`);
        }
      }
      await settle();
      // A few students alone (one at a time): what each step costs on a server with nothing else to do.
      const alone = new Map<Step, number>();
      let aloneNote = '';
      if (solo > 0) {
        const soloCpu = process.cpuUsage();
        const single = await inWorker({ ...base, students: tokens.slice(1 + warmUp, 1 + warmUp + solo), concurrency: 1, certificate });
        const cpuPerFlow = (({ user, system }) => (user + system) / 1000)(process.cpuUsage(soloCpu)) / Math.max(1, single.completed);
        for (const [step, samples] of Object.entries(single.samples) as [Step, number[]][]) {
          if (samples.length > 0)
            alone.set(
              step,
              percentile(
                [...samples].sort((a, b) => a - b),
                50,
              ),
            );
        }
        const flowAlone = percentile(
          [...single.flowMs].sort((a, b) => a - b),
          50,
        );
        aloneNote =
          `   alone (one student at a time, ${single.completed} flows): a flow takes ${ms(flowAlone).trim()}, of which the Node process ` +
          `(server and the students' worker) used ${ms(cpuPerFlow).trim()} of CPU: at most ${((availableParallelism() * 1000) / cpuPerFlow).toFixed(0)} flows/s ` +
          `on ${availableParallelism()} cores for Node alone, before PostgreSQL's share`;
        await settle();
      }

      // ---------------------------------------------------------------- the measured run
      const markRow = await one<{ position: string; commits: string }>(
        `select coalesce(max(position), 0)::text as position,
                (select xact_commit from pg_stat_database where datname = current_database())::text as commits
           from pegase_platform.outbox`,
      );
      const serverLoop = performance.eventLoopUtilization();
      const cpu = process.cpuUsage();
      const postgresCpu = postgresCpuSeconds();
      const run = await inWorker({ ...base, students: tokens.slice(1 + warmUp + solo), certificate });
      const serverBusy = performance.eventLoopUtilization(serverLoop).utilization;
      const cpuSeconds = (({ user, system }) => (user + system) / 1e6)(process.cpuUsage(cpu));
      const postgresCpuUsed = postgresCpu === undefined ? undefined : (postgresCpuSeconds() ?? postgresCpu) - postgresCpu;
      const backlog = await one<{ pending: number }>(`select count(*)::int as pending from pegase_platform.outbox where published_at is null`);
      const drainStarted = performance.now();
      await settle();
      const drained = performance.now() - drainStarted;
      await sleep(1100); // PostgreSQL publishes its statistics at most once a second
      const commits = Number(
        (await one<{ commits: string }>(`select xact_commit::text as commits from pg_stat_database where datname = current_database()`)).commits,
      );
      // How long the run's events waited in the outbox: from the publishing transaction to the last consumer's.
      const delay = await one<{ p50: number; p90: number; p99: number; max: number; events: number }>(
        `select percentile_cont(0.5) within group (order by d) * 1000 as p50, percentile_cont(0.9) within group (order by d) * 1000 as p90,
                percentile_cont(0.99) within group (order by d) * 1000 as p99, max(d) * 1000 as max, count(*)::int as events
           from (select extract(epoch from published_at - time)::float8 as d from pegase_platform.outbox where position > $1) as delays`,
        [markRow.position],
      );

      console.log('');
      const flowsPerSecond = run.completed / (run.elapsedMs / 1000);
      report({
        name: `complete enrolments (${run.completed.toLocaleString('en')} flows in ${(run.elapsedMs / 1000).toFixed(1)} s)`,
        figure: `${flowsPerSecond.toFixed(1).padStart(7)} flows/s`,
        goal: '≥ 100/s',
        met: flowsPerSecond >= 100 && run.completed === students,
      });
      const steps = (Object.keys(STEPS) as Step[]).filter((step) => run.samples[step].length > 0);
      const all: number[] = [];
      for (const step of steps) {
        const sorted = [...run.samples[step]].sort((a, b) => a - b);
        all.push(...sorted);
        const polls = run.polls[step] > 0 ? `, ${run.polls[step]} polls` : '';
        const single = alone.get(step);
        report({
          name: `${STEPS[step]} (${sorted.length}${polls})`,
          figure: `p50 ${ms(percentile(sorted, 50))} p90 ${ms(percentile(sorted, 90))} p99 ${ms(percentile(sorted, 99))}`,
          goal: 'p99 < 250 ms',
          met: percentile(sorted, 99) < 250,
          note: single === undefined ? '' : `alone ${ms(single).trim()}`,
        });
      }
      all.sort((a, b) => a - b);
      const flows = [...run.flowMs].sort((a, b) => a - b);
      console.log(
        `${'   every request'.padEnd(58)} p50 ${ms(percentile(all, 50))} p90 ${ms(percentile(all, 90))} p99 ${ms(percentile(all, 99))}  max ${ms(all[all.length - 1] ?? NaN)}`,
      );
      console.log(`${'   one whole flow'.padEnd(58)} p50 ${ms(percentile(flows, 50))} p90 ${ms(percentile(flows, 90))} p99 ${ms(percentile(flows, 99))}`);
      const polls = Object.values(run.polls).reduce((sum, n) => sum + n, 0);
      console.log(
        `   ${all.length.toLocaleString('en')} requests, ${(all.length / Math.max(1, run.completed)).toFixed(1)} per flow (${polls} polls waiting for an event); ` +
          `${((commits - Number(markRow.commits)) / Math.max(1, run.completed)).toFixed(1)} commits per flow (a statement outside a transaction is one)`,
      );
      console.log(
        `   events, from their commit to their delivery to every consumer (one dispatcher, PEGASE_EVENTS_CONCURRENCY consumers at once): ` +
          `p50 ${ms(delay.p50).trim()} p90 ${ms(delay.p90).trim()} p99 ${ms(delay.p99).trim()} max ${ms(delay.max).trim()}; ` +
          `${(delay.events / (run.elapsedMs / 1000)).toFixed(0)} events a second; ` +
          `${backlog.pending} still to deliver when the last flow ended, delivered ${(drained / 1000).toFixed(1)} s later`,
      );
      console.log(
        `   the server's event loop was busy ${(100 * serverBusy).toFixed(0)} % of the run, the students' ${(100 * run.clientBusy).toFixed(0)} %; ` +
          `the Node process (both) used ${(cpuSeconds / (run.elapsedMs / 1000)).toFixed(2)} CPU-seconds a second, on ${availableParallelism()} cores`,
      );
      if (postgresCpuUsed !== undefined && run.completed > 0) {
        // What one flow costs the machine: the sizing figure (the students' own share, their worker's busy time, left out).
        const serverCpuMs = ((cpuSeconds - run.clientBusy * (run.elapsedMs / 1000)) * 1000) / run.completed;
        const postgresMs = (postgresCpuUsed * 1000) / run.completed;
        console.log(
          `   CPU per flow: the server ${ms(serverCpuMs).trim()} (Node: HTTP, events, PDF threads), PostgreSQL ${ms(postgresMs).trim()}; ` +
            `${((serverCpuMs + postgresMs) / 10).toFixed(1)} cores would carry 100 flows/s ` +
            `(${((100 * serverCpuMs) / 1000).toFixed(1)} for the server processes, ${((100 * postgresMs) / 1000).toFixed(1)} for PostgreSQL), ` +
            `this machine has ${availableParallelism()}, the students' simulation included`,
        );
      }
      if (aloneNote !== '') console.log(aloneNote);
      if (serverBusy < 0.8 && flowsPerSecond < 100) {
        console.log(`   the server was not saturated: students spent their time waiting; raise CONCURRENCY to see what it can do`);
      }
      report({ name: 'errors', figure: String(run.errors.length), goal: '0', met: run.errors.length === 0 });
      for (const error of run.errors.slice(0, 5)) console.log(`  ${STEPS[error.step].trim()} (${error.code}): ${error.status} ${error.body}`);

      // Where the server spends it: its own request durations (Prometheus), by route.
      const metrics = await runtime.app.inject({ method: 'GET', url: '/metrics' });
      const serverTime = new Map<string, { sum: number; count: number }>();
      for (const line of metrics.body.split('\n')) {
        const found = /^http_request_duration_seconds_(sum|count)\{(.*)\} ([0-9.e+-]+)$/.exec(line);
        if (found === null) continue;
        const route = /route="([^"]*)"/.exec(found[2]!)?.[1] ?? '?';
        const method = /method="([^"]*)"/.exec(found[2]!)?.[1] ?? '?';
        const key = `${method} ${route}`;
        const entry = serverTime.get(key) ?? { sum: 0, count: 0 };
        entry[found[1] as 'sum' | 'count'] += Number(found[3]);
        serverTime.set(key, entry);
      }
      const busiest = [...serverTime.entries()]
        .filter(([key]) => key.includes('/me') || key.includes('/provider/'))
        .sort((a, b) => b[1].sum - a[1].sum)
        .slice(0, 12);
      console.log('   server time by route (warm-up and run, Fastify onRequest → onResponse): share of the total, mean');
      const serverTotal = busiest.reduce((sum, [, entry]) => sum + entry.sum, 0);
      for (const [key, entry] of busiest) {
        console.log(
          `     ${key.padEnd(62)} ${((100 * entry.sum) / serverTotal).toFixed(0).padStart(3)} %  ${ms((entry.sum / entry.count) * 1000)}  (${entry.count})`,
        );
      }

      // What was written, counted in the database (warm-up included).
      const counted = await one<{ submitted: number; paid: number; documents: number; payments: number; certificates: number }>(
        `select (select count(*)::int from enrolment.enrolments where status = 'submitted') as submitted,
                (select count(*)::int from enrolment.enrolments where payment_status = 'paid') as paid,
                (select count(*)::int from enrolment.documents where document_type = 'PHOTO') as documents,
                (select count(*)::int from payment.payments where status = 'paid') as payments,
                (select count(*)::int from documents.certificates) as certificates`,
      );
      const expected = total;
      const certificatesExpected = certificate === 'measure' ? expected : counted.certificates;
      const correct =
        counted.submitted === expected &&
        counted.paid === expected &&
        counted.documents === expected &&
        counted.payments === expected &&
        counted.certificates === certificatesExpected;
      report({
        name: 'in the database (every student)',
        figure: `${counted.submitted} submitted, ${counted.paid} paid, ${counted.documents} photos, ${counted.certificates} certificates`,
        goal: `${expected} each`,
        met: correct,
      });
      if (certificate !== 'measure') console.log('   (certificates not counted: step 9 skipped)');
      const events = await data.query<{ type: string; n: number }>(
        `select type, count(*)::int as n from pegase_platform.outbox where position > $1 group by type order by type`,
        [markRow.position],
      );
      const handled = await one<{ n: number }>(
        `select count(*)::int as n from pegase_platform.inbox i join pegase_platform.outbox o on o.id = i.event_id where o.position > $1`,
        [markRow.position],
      );
      const eventCount = events.rows.reduce((sum, row) => sum + row.n, 0);
      console.log(
        `   per flow: ${(eventCount / Math.max(1, run.completed)).toFixed(1)} events (${events.rows.map((row) => `${row.type} ${(row.n / Math.max(1, run.completed)).toFixed(1)}`).join(', ')}), ` +
          `${(handled.n / Math.max(1, run.completed)).toFixed(1)} handler runs`,
      );

      const missedLatency = goals.some((goal) => !goal.met);
      if (missedLatency || process.env['EXPLAIN'] === '1') await explainHotQueries(data, learners[warmUp]?.code ?? learners[0]!.code);

      await runtime.close();
      closed = true;

      // The same writes as plain SQL: the ceiling.
      if (ceilingWanted) {
        const consumers = new Map<string, string[]>();
        const delivered = await data.query<{ type: string; consumer: string }>(
          `select distinct o.type, i.consumer from pegase_platform.inbox i join pegase_platform.outbox o on o.id = i.event_id
            where o.position > $1 order by o.type, i.consumer`,
          [markRow.position],
        );
        for (const row of delivered.rows) consumers.set(row.type, [...(consumers.get(row.type) ?? []), row.consumer]);
        const ceilingCommits = Number(
          (await one<{ commits: string }>(`select xact_commit::text as commits from pg_stat_database where datname = current_database()`)).commits,
        );
        const ceiling = await sqlCeiling(database.url, data, {
          students,
          concurrency,
          periodId: period.id,
          points,
          photo,
          pdfBytes: run.pdfBytes || 60_000,
          contacts,
          situation,
          certificate: certificate === 'measure',
          consumers,
        });
        await sleep(1100); // PostgreSQL publishes its statistics at most once a second
        const afterCeiling = Number(
          (await one<{ commits: string }>(`select xact_commit::text as commits from pg_stat_database where datname = current_database()`)).commits,
        );
        console.log('');
        console.log(
          `${'the same SQL over pg, no HTTP (the ceiling)'.padEnd(58)} ${`${ceiling.flowsPerSecond.toFixed(1).padStart(7)} flows/s`.padEnd(46)} ` +
            `HTTP reaches ${((100 * flowsPerSecond) / ceiling.flowsPerSecond).toFixed(0)} % of it`,
        );
        console.log(
          `   ${ceiling.statements.toFixed(0)} statements, ${ceiling.transactions.toFixed(0)} transactions and ${((afterCeiling - ceilingCommits) / students).toFixed(1)} commits per flow, ` +
            `pool of ${concurrency}, ${ceiling.errors.length} errors${ceiling.errors.length > 0 ? `: ${ceiling.errors.slice(0, 3).join(' | ')}` : ''}`,
        );
        if (ceiling.unmodelled.length > 0) console.log(`   consumers not modelled (inbox row only): ${ceiling.unmodelled.join(', ')}`);
        if (ceiling.errors.length > 0) report({ name: 'SQL ceiling errors', figure: String(ceiling.errors.length), goal: '0', met: false });
      }
    } finally {
      if (!closed) await runtime.close();
      await data.end();
      await database.drop();
    }
  });

  const missed = goals.filter((goal) => !goal.met);
  console.log(missed.length === 0 ? 'all goals met' : `goals missed: ${missed.map((goal) => goal.name.trim()).join('; ')}`);
  if (missed.length > 0) process.exitCode = 1;
}

/** The plans of the queries every flow runs on growing tables, under EXPLAIN ANALYZE. */
async function explainHotQueries(client: pg.Client, code: string): Promise<void> {
  const plan = async (label: string, text: string, values: unknown[]) => {
    const lines = (await client.query(`explain (analyze, buffers) ${text}`, values)).rows.map((row: Record<string, string>) => row['QUERY PLAN']!);
    const time = lines.find((line) => line.startsWith('Execution Time'))?.replace('Execution Time: ', '') ?? '?';
    console.log(`   ${label}: ${time}`);
    for (const line of lines.filter((l) => /Scan|Join/.test(l)).slice(0, 3)) console.log(`       ${line.trim()}`);
  };
  const learner = (
    await client.query<{ id: string; identity_key: string; ine: string | null }>(`select id, identity_key, ine from enrolment.learners where code = $1`, [code])
  ).rows[0]!;
  console.log('   EXPLAIN ANALYZE of queries every flow runs on tables that grow with the university:');
  await plan(
    'a student’s admissions (admission-routes.ts, GET /me/admissions)',
    `select * from enrolment.admissions where learner_id = $1 or identity_key = $2 or ine = $3 order by created_at`,
    [learner.id, learner.identity_key, learner.ine],
  );
  await plan(
    'a student’s enrolments (GET /me/enrolments)',
    `select e.* from enrolment.enrolments e join enrolment.learners l on l.id = e.learner_id where l.code = $1 order by e.created_at`,
    [code],
  );
  await plan(
    'the dispatcher’s look for pending events (dispatcher.ts)',
    `select id from pegase_platform.outbox where published_at is null and (lease_until is null or lease_until < now()) order by position limit 100`,
    [],
  );
}

// ---------------------------------------------------------------- the SQL ceiling

interface CeilingOptions {
  students: number;
  concurrency: number;
  periodId: string;
  points: string[];
  photo: Buffer;
  pdfBytes: number;
  contacts: boolean;
  situation: boolean;
  certificate: boolean;
  /** The consumers each event type was delivered to during the HTTP run (from the inbox). */
  consumers: Map<string, string[]>;
}

type Row = Record<string, unknown>;
type Query = (text: string, values?: unknown[]) => Promise<pg.QueryResult>;

/**
 * The statements the server runs for one flow, straight over `pg` with a
 * pool of the benchmark's concurrency, in the same transactions: the locking
 * reads and the reads the checks need, the rows written (enrolment, learner,
 * document and its file, payment, instalment, callback, certificate and its
 * file), one outbox row and one audit entry per event, and the delivery of
 * each event to the consumers the server delivered it to in the HTTP run
 * (inbox row, read model, published mark), one transaction per consumer as
 * the dispatcher does. No HTTP, no validation, no JSON mapping, no PDF: what
 * the database alone allows.
 */
async function sqlCeiling(
  url: string,
  admin: pg.Client,
  options: CeilingOptions,
): Promise<{ flowsPerSecond: number; statements: number; transactions: number; errors: string[]; unmodelled: string[] }> {
  // Its own learners (as their events would have left them in payment and documents) and admissions, set-based.
  const n = options.students;
  const ids = Array.from({ length: n }, () => randomUUID());
  const codes = Array.from({ length: n }, (_, i) => `PGS${String(8_000_000 + i).padStart(7, '0')}`);
  const ines = Array.from({ length: n }, (_, i) => `${String(900_000_000 + i)}CE`);
  const keys = Array.from({ length: n }, (_, i) => `plafond${i}|camille|2007-01-01`);
  const invitations = Array.from({ length: n }, () => randomBytes(12).toString('hex').toUpperCase());
  const numbers = ids.map((_, i) => i);
  await admin.query(
    `insert into enrolment.learners (id, code, ine, family_name, given_names, birth_date, birth_country, sex, search_name, identity_key)
     select t.id, t.code, t.ine, 'Plafond' || t.n, 'Camille Alex', '2007-01-01', '100', 'F', 'plafond' || t.n || ' camille alex', t.key
       from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[]) as t (id, code, ine, key, n)`,
    [ids, codes, ines, keys, numbers],
  );
  await admin.query(`insert into payment.learners (id, code) select * from unnest($1::uuid[], $2::text[])`, [ids, codes]);
  await admin.query(
    `insert into documents.learners (id, code, ine, family_name, given_names, birth_date, sex, version)
     select t.id, t.code, t.ine, 'Plafond' || t.n, 'Camille Alex', '2007-01-01', 'F', 1 from unnest($1::uuid[], $2::text[], $3::text[], $4::int[]) as t (id, code, ine, n)`,
    [ids, codes, ines, numbers],
  );
  await admin.query(
    `insert into enrolment.admissions (id, point_id, period_id, source, family_name, given_names, birth_date, ine, learner_id, identity_key, invitation_code)
     select gen_random_uuid(), t.point, $1, 'PARCOURSUP', 'Plafond' || t.n, 'Camille Alex', '2007-01-01', t.ine, t.id, t.key, t.invitation
       from unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::int[]) as t (point, id, ine, key, invitation, n)`,
    [options.periodId, ids.map((_, i) => options.points[i % options.points.length]!), ids, ines, keys, invitations, numbers],
  );
  await admin.query('analyze');
  // Columns being added by migrations in progress: written when they exist.
  const columns = new Set(
    (
      await admin.query<{ name: string }>(
        `select table_schema || '.' || table_name || '.' || column_name as name from information_schema.columns
          where (table_schema, table_name) in (('documents', 'enrolments'), ('enrolment', 'enrolments'))`,
      )
    ).rows.map((row) => row.name),
  );
  const documentsPaymentStatus = columns.has('documents.enrolments.payment_status');

  const pool = new pg.Pool({ connectionString: url, max: options.concurrency, application_name: 'pegase-bench-ceiling' });
  pool.on('error', () => undefined);
  let statements = 0;
  let transactions = 0;
  const errors: string[] = [];
  const unmodelled = new Set<string>();
  const pdf = randomBytes(options.pdfBytes);
  const actor = { subject: 'student', login: 'student', roles: ['student'] };

  const counted =
    (executor: { query: (text: string, values?: unknown[]) => Promise<pg.QueryResult> }): Query =>
    (text, values) => {
      statements++;
      return executor.query(text, values);
    };
  const read: Query = counted(pool);
  const inTransaction = async <T>(work: (q: Query) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    const q = counted(client);
    try {
      await q('begin');
      const result = await work(q);
      await q('commit');
      transactions++;
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };

  interface Published {
    id: string;
    type: string;
    row: Row;
  }
  /** What context.publish writes: the event in the outbox, the change in the audit trail. */
  const publish = async (q: Query, type: string, subject: string, row: Row, before: Row | null = null): Promise<Published> => {
    const id = randomUUID();
    const [module = type, entity = type, verb = 'changed'] = type.split('.');
    await q(`insert into pegase_platform.outbox (id, type, source, subject, data, request_id) values ($1, $2, $3, $4, $5::jsonb, $6)`, [
      id,
      type,
      module,
      subject,
      JSON.stringify(row),
      `req-${id}`,
    ]);
    await q(
      `insert into audit.entries (id, actor_subject, actor_login, actor_roles, module, action, target_type, target_id, changed_fields, before, after, request_id)
       values ($1, $2, $3, $4::text[], $5, $6, $7, $8, $9::text[], $10::jsonb, $11::jsonb, $12)`,
      [
        randomUUID(),
        actor.subject,
        actor.login,
        actor.roles,
        module,
        `${entity}.${verb}`,
        entity,
        subject,
        ['status'],
        before === null ? null : JSON.stringify(before),
        JSON.stringify(row),
        `req-${id}`,
      ],
    );
    return { id, type, row };
  };

  const keepPaymentEnrolment = (q: Query, e: Row) =>
    q(
      `insert into payment.enrolments (id, learner_id, point_id, period_id, regime, profiles, status, payment_status) values ($1, $2, $3, $4, $5, $6, $7, $8)
       on conflict (id) do update set learner_id = excluded.learner_id, point_id = excluded.point_id, period_id = excluded.period_id, regime = excluded.regime,
         profiles = excluded.profiles, status = excluded.status, payment_status = excluded.payment_status returning *`,
      [e['id'], e['learner_id'], e['point_id'], e['period_id'], e['regime'], e['profiles'], e['status'], e['payment_status']],
    );
  const keepDocumentsEnrolment = (q: Query, e: Row) =>
    documentsPaymentStatus
      ? q(
          `insert into documents.enrolments (id, learner_id, point_id, period_id, status, payment_status, validated_at, cancelled_at, version)
           values ($1, $2, $3, $4, $5, $6, null, null, $7)
           on conflict (id) do update set learner_id = excluded.learner_id, point_id = excluded.point_id, period_id = excluded.period_id, status = excluded.status,
             payment_status = excluded.payment_status, validated_at = excluded.validated_at, cancelled_at = excluded.cancelled_at, version = excluded.version
           where documents.enrolments.version <= excluded.version`,
          [e['id'], e['learner_id'], e['point_id'], e['period_id'], e['status'], e['payment_status'], e['version']],
        )
      : q(
          `insert into documents.enrolments (id, learner_id, point_id, period_id, status, validated_at, cancelled_at, version) values ($1, $2, $3, $4, $5, null, null, $6)
           on conflict (id) do update set learner_id = excluded.learner_id, point_id = excluded.point_id, period_id = excluded.period_id, status = excluded.status,
             validated_at = excluded.validated_at, cancelled_at = excluded.cancelled_at, version = excluded.version
           where documents.enrolments.version <= excluded.version`,
          [e['id'], e['learner_id'], e['point_id'], e['period_id'], e['status'], e['version']],
        );
  /** The level of the point and the rules of the period, in one statement (feesOf). */
  const fees = async (q: Query, pointId: unknown) => {
    await q(
      `select (select level from payment.point_levels where point_id = $1) as level, (select rules from payment.fee_rules where period_id = $2) as rules`,
      [pointId, options.periodId],
    );
  };
  /** A payment's instalments and refunds, in one statement (toPayments). */
  const paymentOf = async (q: Query, paymentId: string) => {
    await q(
      `select p.id, (select coalesce(json_agg(i order by i.number), '[]') from payment.instalments i where i.payment_id = p.id) as instalments,
              (select coalesce(json_agg(r order by r.created_at, r.id), '[]') from payment.refunds r where r.payment_id = p.id) as refunds
         from unnest($1::uuid[]) as p (id)`,
      [[paymentId]],
    );
  };
  /** The documents of an enrolment as documentsOf reads them: the rules that apply and what was received, in one statement. */
  const documentsOf = async (q: Query, enrolmentId: string) => {
    await q(
      `with required as (select document_type, bool_or(mandatory) as mandatory from enrolment.document_requirements
                          where (point_id is null or point_id = $2) and (regime is null or regime = 'FI') and profile is null group by document_type)
       select required.document_type, required.mandatory, d.* from required
         left join enrolment.documents d on d.enrolment_id = $1 and d.document_type = required.document_type order by required.document_type`,
      [enrolmentId, options.points[0]],
    );
  };
  /** The signed-in student's enrolment, locked, checked theirs in the same statement. */
  const ownEnrolment = async (q: Query, enrolmentId: string, code: string) =>
    (
      await q(`select * from enrolment.enrolments where id = $1 and learner_id in (select id from enrolment.learners where code = $2) for update`, [
        enrolmentId,
        code,
      ])
    ).rows[0] as Row;

  /** What each consumer does with an event (read-models of payment and documents, enrolment's payment handler). */
  const handlers: Record<string, (q: Query, event: Published) => Promise<Published | undefined>> = {
    'payment.enrolments': async (q, event) => {
      await keepPaymentEnrolment(q, event.row);
      if (event.type === 'enrolment.enrolment.submitted') await fees(q, event.row['point_id']);
      return undefined;
    },
    'documents.enrolments': async (q, event) => {
      await keepDocumentsEnrolment(q, event.row);
      if (event.row['status'] === 'cancelled') await q(`update documents.certificates set revoked_at = now() where enrolment_id = $1`, [event.row['id']]);
      return undefined;
    },
    'payment.learners': async (q, event) => {
      await q(`insert into payment.learners (id, code) values ($1, $2) on conflict (id) do update set code = excluded.code`, [
        event.row['id'],
        event.row['code'],
      ]);
      return undefined;
    },
    'documents.learners': async (q, event) => {
      const l = event.row;
      await q(
        `insert into documents.learners (id, code, ine, family_name, usage_name, given_names, birth_date, sex, version) values ($1, $2, $3, $4, null, $5, $6, $7, $8)
         on conflict (id) do update set code = excluded.code, ine = excluded.ine, family_name = excluded.family_name, usage_name = excluded.usage_name,
           given_names = excluded.given_names, birth_date = excluded.birth_date, sex = excluded.sex, version = excluded.version
         where documents.learners.version <= excluded.version`,
        [l['id'], l['code'], l['ine'], l['family_name'], l['given_names'], l['birth_date'], l['sex'], l['version']],
      );
      return undefined;
    },
    'enrolment.payments': async (q, event) => {
      const enrolmentId = event.row['enrolment_id'] as string;
      const before = (await q(`select * from enrolment.enrolments where id = $1 for update`, [enrolmentId])).rows[0] as Row;
      await q(`select * from enrolment.enrolment_points where object_id = $1`, [before['point_id']]);
      const after = (
        await q(`update enrolment.enrolments set payment_status = 'paid', version = version + 1, updated_at = now() where id = $1 returning *`, [enrolmentId])
      ).rows[0] as Row;
      return publish(q, 'enrolment.enrolment.payment-changed', enrolmentId, after, before);
    },
  };
  /** What the dispatcher does with one event: each consumer in its own transaction with its inbox row, then the published mark; and so on for the events they publish. */
  const deliver = async (event: Published): Promise<void> => {
    const next: Published[] = [];
    for (const consumer of options.consumers.get(event.type) ?? []) {
      const handle = handlers[consumer];
      if (handle === undefined) unmodelled.add(consumer);
      await inTransaction(async (q) => {
        const fresh = await q(`insert into pegase_platform.inbox (consumer, event_id) values ($1, $2) on conflict do nothing returning event_id`, [
          consumer,
          event.id,
        ]);
        if (fresh.rowCount === 1 && handle !== undefined) {
          const published = await handle(q, event);
          if (published !== undefined) next.push(published);
        }
      });
    }
    await read(`update pegase_platform.outbox set published_at = now(), lease_until = null, last_error = null where id = $1`, [event.id]);
    for (const published of next) await deliver(published);
  };
  const myEnrolments = (code: string) =>
    read(`select e.* from enrolment.enrolments e join enrolment.learners l on l.id = e.learner_id where l.code = $1 order by e.created_at`, [code]);

  async function flow(i: number): Promise<void> {
    const code = codes[i]!;
    const learnerId = ids[i]!;
    // 1. admissions
    await read(`select * from enrolment.learners where code = $1`, [code]);
    await read(`select * from enrolment.admissions where learner_id = $1 or identity_key = $2 or ine = $3 order by created_at`, [learnerId, keys[i], ines[i]]);
    // 2. enrol from the invitation
    await read(`select * from enrolment.nomenclature_values where nomenclature = 'REGIME' and code = $1`, ['FI']);
    const enrolmentId = randomUUID();
    const created = await inTransaction(async (q) => {
      await q(`select * from enrolment.learners where code = $1`, [code]);
      const admission = (await q(`select * from enrolment.admissions where invitation_code = $1 for update`, [invitations[i]])).rows[0] as Row;
      const row = (
        await q(
          `insert into enrolment.enrolments (id, learner_id, point_id, period_id, origin, kind, regime, profiles, status, payment_status, created_at)
           values ($1, $2, $3, $4, 'PARCOURSUP', 'main', 'FI', '{}', 'draft', 'unpaid', now()) returning *`,
          [enrolmentId, learnerId, admission['point_id'], options.periodId],
        )
      ).rows[0] as Row;
      await q(`update enrolment.admissions set status = 'used', used_at = now(), learner_id = $2 where id = $1`, [admission['id'], learnerId]);
      return publish(q, 'enrolment.enrolment.created', enrolmentId, row);
    });
    await deliver(created);
    let current = created.row;
    // 3. contacts and bac
    if (options.contacts) {
      await read(`select id from enrolment.learners where code = $1`, [code]);
      const updated = await inTransaction(async (q) => {
        const before = (await q(`select * from enrolment.learners where id = $1 for update`, [learnerId])).rows[0] as Row;
        await q(
          `select * from enrolment.nomenclature_values where (nomenclature = 'COUNTRY' and code = '100') or (nomenclature = 'SEX' and code = 'F')
              or (nomenclature = 'BAC-SERIES' and code = 'GENERALE')`,
        );
        const row = (
          await q(
            `update enrolment.learners set email = $2, phone = $3, address = $4::jsonb, bac = $5::jsonb, search_name = search_name, identity_key = identity_key,
               version = version + 1, updated_at = now() where id = $1 returning *`,
            [
              learnerId,
              `${code.toLowerCase()}@etu.example.fr`,
              '06 12 34 56 78',
              JSON.stringify({ line1: '12 rue des Écoles', postcode: '69007', city: 'Lyon', country: '100' }),
              JSON.stringify({ year: 2025, series: 'GENERALE', country: '100' }),
            ],
          )
        ).rows[0] as Row;
        return publish(q, 'enrolment.learner.updated', learnerId, row, before);
      });
      await deliver(updated);
    }
    // 4. previous situation
    if (options.situation) {
      await read(`select * from enrolment.nomenclature_values where nomenclature = 'PREVIOUS-SITUATION' and code = $1`, ['LYCEE']);
      const updated = await inTransaction(async (q) => {
        const before = await ownEnrolment(q, enrolmentId, code);
        const after = (
          await q(`update enrolment.enrolments set previous_situation = $2::jsonb, version = version + 1, updated_at = now() where id = $1 returning *`, [
            enrolmentId,
            JSON.stringify({ situation: 'LYCEE', year: 2025, establishment: 'Lycée Ampère, Lyon' }),
          ])
        ).rows[0] as Row;
        return publish(q, 'enrolment.enrolment.updated', enrolmentId, after, before);
      });
      current = updated.row;
      await deliver(updated);
    }
    // 5. the photo: the file and the document with the enrolment's new version
    const photo = await inTransaction(async (q) => {
      const before = await ownEnrolment(q, enrolmentId, code);
      await documentsOf(q, enrolmentId);
      const fileId = randomUUID();
      await q(`insert into pegase_platform.files (id, module, media_type, size, sha256, content) values ($1, 'enrolment', 'image/png', $2, $3, $4)`, [
        fileId,
        options.photo.length,
        'f'.repeat(64),
        options.photo,
      ]);
      await q(
        `insert into enrolment.documents (enrolment_id, document_type, status, file_id, media_type, size, sha256, submitted_at)
         values ($1, 'PHOTO', 'submitted', $2, 'image/png', $3, $4, now())
         on conflict (enrolment_id, document_type) do update set status = excluded.status, file_id = excluded.file_id, version = enrolment.documents.version + 1`,
        [enrolmentId, fileId, options.photo.length, 'f'.repeat(64)],
      );
      const after = (await q(`update enrolment.enrolments set version = version + 1, updated_at = now() where id = $1 returning *`, [enrolmentId]))
        .rows[0] as Row;
      const event = await publish(q, 'enrolment.enrolment.documents-changed', enrolmentId, after, before);
      await documentsOf(q, enrolmentId);
      return event;
    });
    current = photo.row;
    await deliver(photo);
    // 6. the fees
    await read(`select * from payment.enrolments where id = $1 and learner_id in (select id from payment.learners where code = $2)`, [enrolmentId, code]);
    await fees(read, current['point_id']);
    // 7. the payment started, the bank page, the signed callback (the enrolment's fees paid by its event)
    const paymentId = randomUUID();
    const session = randomBytes(24).toString('base64url');
    const started = await inTransaction(async (q) => {
      await q(`select * from payment.enrolments where id = $1 and learner_id in (select id from payment.learners where code = $2) for update`, [
        enrolmentId,
        code,
      ]);
      await q(`select * from payment.payments where enrolment_id = $1 order by created_at for update`, [enrolmentId]);
      await fees(q, current['point_id']);
      await q(`select * from payment.settings`);
      const row = (
        await q(
          `insert into payment.payments (id, enrolment_id, learner_id, provider, provider_session, status, total_cents, instalment_count, breakdown, return_path, created_at)
           values ($1, $2, $3, 'test', $4, 'pending', 17800, 1, $5::jsonb, $6, now()) returning *`,
          [paymentId, enrolmentId, learnerId, session, JSON.stringify([{ code: 'LICENCE', amountCents: 17800 }]), `/inscription/${enrolmentId}`],
        )
      ).rows[0] as Row;
      await q(`insert into payment.instalments (payment_id, number, amount_cents, due_date, status) values ($1, 1, 17800, current_date, 'due')`, [paymentId]);
      await paymentOf(q, paymentId);
      return publish(q, 'payment.payment.started', paymentId, row);
    });
    await deliver(started);
    for (let page = 0; page < 2; page++) {
      // The page, then the form's own look at the payment.
      await read(`select * from payment.payments where id = $1`, [paymentId]);
      await paymentOf(read, paymentId);
    }
    const received = await inTransaction(async (q) => {
      const before = (await q(`select * from payment.payments where id = $1 for update`, [paymentId])).rows[0] as Row;
      const transaction = `TEST-${paymentId}-1`;
      await q(
        `insert into payment.provider_transactions (provider, transaction_id, payment_id, instalment, outcome, amount_cents, body)
         values ('test', $1, $2, 1, 'paid', 17800, $3::jsonb) on conflict do nothing returning transaction_id`,
        [transaction, paymentId, JSON.stringify({ transactionId: transaction, paymentId, instalment: 1, outcome: 'paid', amountCents: 17800 })],
      );
      await q(`select * from payment.instalments where payment_id = $1 and number = 1 for update`, [paymentId]);
      await paymentOf(q, paymentId);
      await q(`update payment.instalments set status = 'paid', paid_at = now(), provider_transaction_id = $2 where payment_id = $1 and number = 1`, [
        paymentId,
        transaction,
      ]);
      const after = (await q(`update payment.payments set status = 'paid', version = version + 1, updated_at = now() where id = $1 returning *`, [paymentId]))
        .rows[0] as Row;
      await paymentOf(q, paymentId);
      return publish(q, 'payment.payment.received', paymentId, after, before);
    });
    await deliver(received);
    await myEnrolments(code);
    // 8. submit (checked complete first)
    const submitted = await inTransaction(async (q) => {
      const before = await ownEnrolment(q, enrolmentId, code);
      await q(`select * from enrolment.learners where id = $1`, [learnerId]);
      await documentsOf(q, enrolmentId);
      const after = (
        await q(
          `update enrolment.enrolments set status = 'submitted', submit_key = $2, submitted_at = now(), version = version + 1, updated_at = now() where id = $1 returning *`,
          [enrolmentId, `bench-${enrolmentId}`],
        )
      ).rows[0] as Row;
      return publish(q, 'enrolment.enrolment.submitted', enrolmentId, after, before);
    });
    await deliver(submitted);
    // 9. the certificate
    if (options.certificate) {
      await myEnrolments(code);
      const issued = await inTransaction(async (q) => {
        const enrolment = (await q(`select * from documents.enrolments where id = $1 for share`, [enrolmentId])).rows[0] as Row;
        await q(`select * from documents.learners where id = $1`, [enrolment['learner_id']]);
        await q(`select * from documents.enrolment_points where object_id = $1`, [enrolment['point_id']]);
        await q(`select * from documents.periods where id = $1`, [enrolment['period_id']]);
        await q(`select * from documents.establishment`);
        const fileId = randomUUID();
        await q(`insert into pegase_platform.files (id, module, media_type, size, sha256, content) values ($1, 'documents', 'application/pdf', $2, $3, $4)`, [
          fileId,
          pdf.length,
          'e'.repeat(64),
          pdf,
        ]);
        const certificateId = randomUUID();
        const verification = [...randomBytes(20)].map((byte) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[byte % 32]).join('');
        const snapshot = JSON.stringify({ code, familyName: 'Plafond', givenNames: 'Camille Alex', birthDate: '2007-01-01' });
        const row = (
          await q(
            `insert into documents.certificates (id, code, enrolment_id, learner_id, language, holder, formation, period, establishment, file_id, size, sha256,
                                                 verification_url, issued_at, issued_by)
             values ($1, $2, $3, $4, 'fr', $5::jsonb, $5::jsonb, $5::jsonb, $5::jsonb, $6, $7, $8, $9, now(), $10) returning *`,
            [
              certificateId,
              verification,
              enrolmentId,
              learnerId,
              snapshot,
              fileId,
              pdf.length,
              'e'.repeat(64),
              `http://localhost/verify/${verification}`,
              actor.subject,
            ],
          )
        ).rows[0] as Row;
        return publish(q, 'documents.certificate.issued', certificateId, row);
      });
      await deliver(issued);
    }
  }

  let next = 0;
  const began = performance.now();
  let completed = 0;
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (next < n) {
        const i = next++;
        try {
          await flow(i);
          completed++;
        } catch (error) {
          errors.push(`${codes[i]}: ${(error as Error).message}`);
        }
      }
    }),
  );
  const elapsed = (performance.now() - began) / 1000;
  await pool.end();
  return { flowsPerSecond: completed / elapsed, statements: statements / n, transactions: transactions / n, errors, unmodelled: [...unmodelled] };
}

if (isMainThread) await main();

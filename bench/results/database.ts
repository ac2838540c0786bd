/**
 * Computing and storing every result of a session on PostgreSQL (issue 8):
 * 60,000 learners in 30 generated formations of one year each (2 semesters,
 * 10 teaching units, 40 course elements, 60 assessments at session 1 and
 * 40 resits: 3.6 million marks at session 1, 0.8 million at session 2).
 * Every formation's jury of session 1 deliberates through the HTTP API, as
 * staff would, then every jury of session 2. Goal: a whole session computed
 * and stored in under 60 s. Prints the wall time, the time the deliberations
 * spent waiting for PostgreSQL's reads and writes and in the engine (from
 * the figures each deliberation logs), and the size of what was stored.
 *
 *   npm run bench:results                               # the engine, then this
 *   node bench/results/database.ts                      # this alone (starts a scratch PostgreSQL 15)
 *   PEGASE_TEST_DATABASE_URL=postgres://… LEARNERS=10000 node bench/results/database.ts
 *
 * The offer, learners, cursus and marks are generated with set-based
 * inserts straight into the assessment module's tables (test data, not what
 * is measured). Exits 1 when the goal is missed.
 */
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { pino } from 'pino';
import { rowsOf } from '@pegase/platform';
import { createTestRuntime, type TestRuntime } from '@pegase/platform/testing';
import { assessmentModule } from '@pegase/assessment/module';
import { withPostgres } from '../shared/scratch-postgres.ts';

const learners = Number(process.env['LEARNERS'] ?? 60_000);
const FORMATIONS = Number(process.env['FORMATIONS'] ?? 30);
const api = '/api/assessment/v1';

interface Figures {
  learners: number;
  nodes: number;
  readMs: number;
  computeMs: number;
  writeMs: number;
}

/** What the deliberations log ("jury deliberated" with their figures), read from the runtime's logger. */
function figuresCollector(): { logger: pino.Logger; take: () => Figures } {
  let sum: Figures = { learners: 0, nodes: 0, readMs: 0, computeMs: 0, writeMs: 0 };
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line.includes('"jury deliberated"')) continue;
        const logged = JSON.parse(line) as Figures;
        for (const key of Object.keys(sum) as (keyof Figures)[]) sum[key] += logged[key];
      }
      done();
    },
  });
  return {
    logger: pino({ level: 'info' }, stream),
    take: () => {
      const taken = sum;
      sum = { learners: 0, nodes: 0, readMs: 0, computeMs: 0, writeMs: 0 };
      return taken;
    },
  };
}

/** One generated formation: a year (the enrolment point) of 2 semesters × 5 UEs × 4 course elements. */
function formationRows(index: number, periodId: string, structureId: string) {
  const code = `F${String(index).padStart(2, '0')}`;
  const formationId = randomUUID();
  const objects: { id: string; code: string; type: string; ects: number | null }[] = [{ id: formationId, code, type: 'formation', ects: null }];
  const paths: { path: string; objectId: string; parent: string | null; position: number; depth: number; kind: string }[] = [
    { path: code, objectId: formationId, parent: null, position: 0, depth: 0, kind: 'formation' },
  ];
  const assessments: { path: string; session: number; code: string; coefficient: number }[] = [];
  const add = (objectCode: string, type: string, ects: number | null, parent: string, position: number, depth: number, kind = 'mandatory') => {
    const id = randomUUID();
    objects.push({ id, code: objectCode, type, ects });
    const path = `${parent}>${objectCode}`;
    paths.push({ path, objectId: id, parent, position, depth, kind });
    return { id, path };
  };
  const year = add('L1', 'year', 60, code, 0, 1, 'point');
  for (let s = 1; s <= 2; s++) {
    const semester = add(`S${s}`, 'semester', 30, year.path, s, 2);
    for (let u = 1; u <= 5; u++) {
      const ue = add(`UE${s}${u}`, 'ue', 6, semester.path, u, 3);
      for (let e = 1; e <= 4; e++) {
        const ec = add(`EC${s}${u}${e}`, 'ec', 1.5, ue.path, e, 4);
        assessments.push({ path: ec.path, session: 1, code: 'CC', coefficient: 1 });
        if (e % 2 === 0) assessments.push({ path: ec.path, session: 1, code: 'EXAM', coefficient: 2 });
        assessments.push({ path: ec.path, session: 2, code: 'RATTRAPAGE', coefficient: 1 });
      }
    }
  }
  return { index, formationId, pointId: year.id, objects, paths, assessments, periodId, structureId };
}

async function generate(client: pg.Client, periodId: string): Promise<string[]> {
  const structureId = randomUUID();
  await client.query(`insert into assessment.structures (id, code, lineage_codes) values ($1, 'UFR-BENCH', '{UFR-BENCH}')`, [structureId]);
  const formations = Array.from({ length: FORMATIONS }, (_, i) => formationRows(i + 1, periodId, structureId));
  const json = (rows: unknown[]) => JSON.stringify(rows);
  for (const f of formations) {
    await client.query(
      `insert into assessment.objects (id, period_id, formation_id, code, type, label_fr, ects, owner_structure_id)
       select o.id, $2, $3, o.code, o.type, 'Objet ' || o.code, o.ects, $4 from json_to_recordset($1::json) as o (id uuid, code text, type text, ects numeric)`,
      [json(f.objects), periodId, f.formationId, structureId],
    );
    await client.query(
      `insert into assessment.paths (period_id, path, object_id, parent_path, position, depth)
       select $2, p.path, p."objectId", p.parent, p.position, p.depth from json_to_recordset($1::json) as p (path text, "objectId" uuid, parent text, position int, depth int)`,
      [json(f.paths), periodId],
    );
    await client.query(
      `insert into assessment.assessments (id, period_id, path, session, code, label, coefficient)
       select gen_random_uuid(), $2, a.path, a.session, a.code, a.code, a.coefficient from json_to_recordset($1::json) as a (path text, session int, code text, coefficient numeric)`,
      [json(f.assessments), periodId],
    );
  }
  // Learner i is in formation ((i - 1) mod F) + 1: the formations fill evenly.
  await client.query(`select setseed(0.2026)`);
  await client.query(
    `create temp table bench_learners as
       select i, gen_random_uuid() as learner_id, gen_random_uuid() as enrolment_id, ((i - 1) % $2) + 1 as f from generate_series(1, $1) as i`,
    [learners, FORMATIONS],
  );
  await client.query(`create temp table bench_formations as select * from json_to_recordset($1::json) as f (f int, "formationId" uuid, "pointId" uuid)`, [
    json(formations.map((f) => ({ f: f.index, formationId: f.formationId, pointId: f.pointId }))),
  ]);
  await client.query(
    `insert into assessment.learners (id, code, family_name, given_names, version)
     select learner_id, 'B' || lpad(i::text, 7, '0'), 'Nom' || i, 'Prénom', 1 from bench_learners`,
  );
  await client.query(
    `insert into assessment.cursus (enrolment_id, learner_id, period_id, point_id, version)
     select l.enrolment_id, l.learner_id, $1, f."pointId", 1 from bench_learners l join bench_formations f on f.f = l.f`,
    [periodId],
  );
  // Every path under the point is registered; one course element in 200 is exempted.
  await client.query(
    `insert into assessment.entries (enrolment_id, path, parent_path, object_id, kind, status, exempted)
     select l.enrolment_id, p.path, p.parent_path, p.object_id, case when p.depth = 1 then 'point' else 'mandatory' end, 'registered',
            p.depth = 4 and random() < 0.005
       from bench_learners l
       join bench_formations f on f.f = l.f
       join assessment.objects fo on fo.id = f."formationId"
       join assessment.paths p on p.period_id = $1 and p.depth >= 1 and starts_with(p.path, fo.code || '>')`,
    [periodId],
  );
  // Session 1: a mark for every assessment (4 in 1,000 ABJ, 2 in 1,000 ABI); session 2: a third of the learners resit everything.
  await client.query(
    `insert into assessment.marks (assessment_id, enrolment_id, value, absence, updated_by)
     select a.id, l.enrolment_id,
            case when x.r >= 0.006 then round((5 + x.v * 13)::numeric, 2) end,
            case when x.r < 0.004 then 'ABJ' when x.r < 0.006 then 'ABI' end, 'bench'
       from bench_learners l
       join bench_formations f on f.f = l.f
       join assessment.objects fo on fo.id = f."formationId"
       join assessment.assessments a on a.period_id = $1 and a.session = 1 and starts_with(a.path, fo.code || '>')
       cross join lateral (select random() + 0 * l.i as r, random() + 0 * l.i as v) x`,
    [periodId],
  );
  await client.query(
    `insert into assessment.marks (assessment_id, enrolment_id, value, updated_by)
     select a.id, l.enrolment_id, round((7 + random() * 12)::numeric, 2), 'bench'
       from bench_learners l
       join bench_formations f on f.f = l.f
       join assessment.objects fo on fo.id = f."formationId"
       join assessment.assessments a on a.period_id = $1 and a.session = 2 and starts_with(a.path, fo.code || '>')
      where l.i % 3 = 0`,
    [periodId],
  );
  await client.query('analyze');
  return formations.map((f) => f.formationId);
}

async function call(runtime: TestRuntime, method: string, url: string, body?: unknown) {
  const response = await runtime.request(method, url, body);
  if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body.slice(0, 2000)}`);
  return response.json() as { id: string; results: number };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Deliberates every formation's jury of a session, two at a time (the two cores: one in Node, one in PostgreSQL). */
async function deliberateSession(runtime: TestRuntime, periodId: string, formationIds: string[], session: 1 | 2): Promise<{ ms: number; stored: number }> {
  const juries: string[] = [];
  for (const formationId of formationIds) juries.push((await call(runtime, 'POST', `${api}/juries`, { formationId, periodId, session })).id);
  const started = performance.now();
  let stored = 0;
  const queue = [...juries];
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      const jury = await call(runtime, 'POST', `${api}/juries/${id}/deliberate`);
      stored += jury.results;
    }
  };
  await Promise.all([worker(), worker()]);
  return { ms: performance.now() - started, stored };
}

await withPostgres(async (serverUrl) => {
  process.env['PEGASE_TEST_DATABASE_URL'] = serverUrl;
  const collector = figuresCollector();
  const runtime = await createTestRuntime([assessmentModule], { logger: collector.logger, env: { PEGASE_DB_POOL_MAX: '4' } });
  try {
    const [database] = await rowsOf<{ name: string; version: string }>(
      runtime.database.db,
      sql`select current_database() as name, current_setting('server_version') as version`,
    );
    const url = new URL(serverUrl);
    url.pathname = `/${database!.name}`;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    const periodId = randomUUID();
    const began = performance.now();
    const formationIds = await generate(client, periodId);
    const [{ marks }] = (await client.query(`select count(*)::int as marks from assessment.marks`)).rows as [{ marks: number }];
    console.log(
      `results on PostgreSQL ${database!.version}, Node ${process.version}: ${learners.toLocaleString('en')} learners in ${FORMATIONS} formations, ` +
        `${marks.toLocaleString('en')} marks, generated in ${seconds(performance.now() - began)}`,
    );

    let met = true;
    for (const session of [1, 2] as const) {
      const { ms, stored } = await deliberateSession(runtime, periodId, formationIds, session);
      const figures = collector.take();
      const goal = ms < 60_000;
      if (session === 1) met = goal;
      console.log(
        `${`session ${session}: every result computed and stored`.padEnd(44)} ${seconds(ms).padStart(10)}   ${session === 1 ? `goal < 60 s ${goal ? 'PASS' : 'MISS'}` : '(no goal)'}`,
      );
      console.log(
        `   ${stored.toLocaleString('en')} results (${figures.nodes.toLocaleString('en')} nodes), ${Math.round(stored / (ms / 1000)).toLocaleString('en')} learners/s; ` +
          `in the deliberations: PostgreSQL reads ${seconds(figures.readMs)}, engine and encoding ${seconds(figures.computeMs)}, PostgreSQL writes ${seconds(figures.writeMs)} ` +
          `(two juries at a time, so these add up to about twice the wall time)`,
      );
    }
    const [size] = (
      await client.query(`select pg_size_pretty(pg_total_relation_size('assessment.results')) as size, count(*)::int as rows from assessment.results`)
    ).rows as [{ size: string; rows: number }];
    console.log(`   stored: ${size.rows.toLocaleString('en')} results, ${size.size} with their frozen inputs and outcomes`);
    await client.end();
    if (!met) process.exitCode = 1;
  } finally {
    await runtime.close();
  }
});

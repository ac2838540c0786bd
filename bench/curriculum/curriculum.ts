/**
 * The curriculum's performance goals, on PostgreSQL, through the HTTP API:
 * a generated offer of 300 formations and 60,000 training objects in one
 * period; reading a 2,000-object formation as a tree with all its paths
 * (p95 < 20 ms), validating it (< 1 s), copying the whole period (< 10 s).
 *
 *   npm run bench:curriculum                      # starts a scratch PostgreSQL 15 (scripts/postgres.sh)
 *   PEGASE_TEST_DATABASE_URL=postgres://… npm run bench:curriculum
 *   READS=500 npm run bench:curriculum
 *
 * The offer is generated with set-based inserts straight into the
 * curriculum's tables (test data, not what is measured); periods and
 * structures come through the referential's API and events, as in
 * production. Prints each figure with its goal, PASS or MISS; exits 1 when a
 * goal is missed.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { rowsOf } from '@pegase/platform';
import { createTestRuntime, type TestRuntime } from '@pegase/platform/testing';
import { referentialModule } from '@pegase/referential/module';
import { curriculumModule } from '@pegase/curriculum/module';
import { searchTextOf } from '../../modules/curriculum/src/server/shared/search-text.ts';
import { withPostgres } from '../shared/scratch-postgres.ts';

const reads = Number(process.env['READS'] ?? 200);
const warmUp = 20;
const FORMATIONS = 300;
const OBJECTS = 60_000;
const api = '/api/curriculum/v1';

// ---------------------------------------------------------------- the offer

interface ObjectRow {
  id: string;
  code: string;
  type: string;
  fr: string;
  en: string;
  ects: number | null;
  hours: Record<string, number>;
  capacity: number | null;
  openForChoice: boolean;
  enrolmentPoint: boolean;
  owner: string;
  choice: [number, number] | null;
}

/** A period's offer as rows: objects, and parent → child links in order. */
class Offer {
  readonly objects: ObjectRow[] = [];
  readonly links: { parent: string; child: string; position: number }[] = [];
  private readonly next = new Map<string, number>();

  add(
    row: Omit<ObjectRow, 'id' | 'hours' | 'capacity' | 'openForChoice' | 'enrolmentPoint' | 'choice' | 'ects'> & Partial<ObjectRow>,
    parent?: string,
  ): string {
    const id = randomUUID();
    this.objects.push({ hours: {}, capacity: null, openForChoice: false, enrolmentPoint: false, choice: null, ects: null, ...row, id });
    if (parent !== undefined) this.link(parent, id);
    return id;
  }

  link(parent: string, child: string): void {
    const position = this.next.get(parent) ?? 0;
    this.next.set(parent, position + 1);
    this.links.push({ parent, child, position });
  }
}

interface Shape {
  /** Regular UEs per semester, and ECs in each. */
  ues: number;
  ecs: number;
  /** ECs to choose from in the option UE of each semester (its grouping: choose 1 or 2). */
  options: number;
  /** ECs of a semester placed under a second UE as well (shared: two paths each). */
  shared: number;
}

/**
 * One formation: 3 years (enrolment points) of 2 semesters; in each semester
 * regular UEs of ECs, one option UE holding a grouping, a few shared ECs.
 * Owned by `owner`; a consistency report without error.
 */
function formation(offer: Offer, n: number, shape: Shape, owner: string): { id: string; ues: string[] } {
  const f = `F${String(n).padStart(3, '0')}`;
  const id = offer.add({ code: f, type: 'formation', fr: `Licence générée n° ${n}`, en: `Generated programme no. ${n}`, ects: 180, owner });
  const ues: string[] = [];
  for (let y = 1; y <= 3; y++) {
    const year = offer.add(
      { code: `${f}-L${y}`, type: 'year', fr: `Année ${y} — formation ${n}`, en: `Year ${y} — programme ${n}`, ects: 60, enrolmentPoint: true, owner },
      id,
    );
    for (let s = 2 * y - 1; s <= 2 * y; s++) {
      const sem = `${f}-S${s}`;
      const semester = offer.add(
        { code: sem, type: 'semester', fr: `Semestre ${s} — formation ${n}`, en: `Semester ${s} — programme ${n}`, ects: 30, owner },
        year,
      );
      const ecsOf: string[][] = [];
      for (let u = 1; u <= shape.ues; u++) {
        const ue = offer.add(
          { code: `${sem}-UE${u}`, type: 'ue', fr: `Unité d’enseignement ${u} du semestre ${s}`, en: `Teaching unit ${u}, semester ${s}`, owner },
          semester,
        );
        ues.push(ue);
        const ecs: string[] = [];
        for (let e = 1; e <= shape.ecs; e++) {
          ecs.push(
            offer.add(
              {
                code: `${sem}-UE${u}-EC${e}`,
                type: 'ec',
                fr: `Élément constitutif ${e} de l’UE ${u} (${sem})`,
                en: `Course element ${e} of unit ${u} (${sem})`,
                ects: 2,
                hours: { CM: 12, TD: 12, TP: 6 },
                owner,
              },
              ue,
            ),
          );
        }
        ecsOf.push(ecs);
      }
      for (let k = 0; k < shape.shared && k + 1 < ecsOf.length; k++) offer.link(ues[ues.length - shape.ues + k + 1]!, ecsOf[k]![0]!);
      const optionUe = offer.add({ code: `${sem}-OPT`, type: 'ue', fr: `Options du semestre ${s}`, en: `Options, semester ${s}`, ects: 4, owner }, semester);
      const grouping = offer.add(
        { code: `${sem}-OPT-CHOIX`, type: 'grouping', fr: `Option au choix, semestre ${s}`, en: `Choice of options, semester ${s}`, choice: [1, 2], owner },
        optionUe,
      );
      for (let o = 1; o <= shape.options; o++) {
        offer.add(
          {
            code: `${sem}-OPT${o}`,
            type: 'ec',
            fr: `Option ${o} — éthique, économie ou langue (${sem})`,
            en: `Option ${o} (${sem})`,
            ects: 2,
            hours: { CM: 10, TD: 14 },
            openForChoice: true,
            capacity: 40,
            owner,
          },
          grouping,
        );
      }
    }
  }
  return { id, ues };
}

/** 1 formation of about 2,000 objects, 299 smaller ones, topped up with ECs to exactly 60,000 objects. */
function generateOffer(owner: string): { offer: Offer; big: string; bigObjects: number } {
  const offer = new Offer();
  const big = formation(offer, 0, { ues: 25, ecs: 12, options: 6, shared: 4 }, owner);
  const bigObjects = offer.objects.length;
  const small: string[][] = [];
  for (let n = 1; n < FORMATIONS; n++) small.push(formation(offer, n, { ues: 5, ecs: 4, options: 3, shared: 1 }, owner).ues);
  for (let i = 0; offer.objects.length < OBJECTS; i++) {
    const ues = small[i % small.length]!;
    const ue = ues[Math.floor(i / small.length) % ues.length]!;
    offer.add({ code: `X${i}`, type: 'ec', fr: `Élément complémentaire ${i}`, en: `Additional element ${i}`, ects: 1, owner }, ue);
  }
  return { offer, big: big.id, bigObjects };
}

/** Set-based inserts, in chunks: unnest() of one array per column. */
async function insertOffer(client: pg.Client, periodId: string, offer: Offer): Promise<void> {
  const chunk = 10_000;
  for (let i = 0; i < offer.objects.length; i += chunk) {
    const rows = offer.objects.slice(i, i + chunk);
    await client.query(
      `insert into curriculum.objects (id, period_id, code, type, label_fr, label_en, ects, hours, capacity, open_for_choice, enrolment_point,
                                       owner_structure_id, choice_min, choice_max, status, search_text)
       select t.id, $1, t.code, t.type, t.fr, t.en, t.ects, t.hours::jsonb, t.capacity, t.open, t.enrol, t.owner, t.cmin, t.cmax, 'draft', t.search
         from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::numeric[], $8::text[], $9::int[], $10::boolean[], $11::boolean[],
                     $12::uuid[], $13::int[], $14::int[], $15::text[])
           as t (id, code, type, fr, en, ects, hours, capacity, open, enrol, owner, cmin, cmax, search)`,
      [
        periodId,
        rows.map((r) => r.id),
        rows.map((r) => r.code),
        rows.map((r) => r.type),
        rows.map((r) => r.fr),
        rows.map((r) => r.en),
        rows.map((r) => r.ects),
        rows.map((r) => JSON.stringify(r.hours)),
        rows.map((r) => r.capacity),
        rows.map((r) => r.openForChoice),
        rows.map((r) => r.enrolmentPoint),
        rows.map((r) => r.owner),
        rows.map((r) => r.choice?.[0] ?? null),
        rows.map((r) => r.choice?.[1] ?? null),
        rows.map((r) => searchTextOf(r.code, { fr: r.fr, en: r.en })),
      ],
    );
  }
  for (let i = 0; i < offer.links.length; i += chunk) {
    const rows = offer.links.slice(i, i + chunk);
    await client.query(`insert into curriculum.links (parent_id, child_id, position) select * from unnest($1::uuid[], $2::uuid[], $3::int[])`, [
      rows.map((l) => l.parent),
      rows.map((l) => l.child),
      rows.map((l) => l.position),
    ]);
  }
  await client.query('analyze curriculum.objects');
  await client.query('analyze curriculum.links');
}

// ---------------------------------------------------------------- measures

interface Goal {
  name: string;
  figure: string;
  goal: string;
  met: boolean;
}
const goals: Goal[] = [];

function report(goal: Goal): void {
  goals.push(goal);
  console.log(`${goal.name.padEnd(58)} ${goal.figure.padEnd(46)} goal ${goal.goal.padEnd(12)} ${goal.met ? 'PASS' : 'MISS'}`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function call(runtime: TestRuntime, method: string, url: string, body?: unknown) {
  const response = await runtime.request(method, url, body);
  if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body.slice(0, 2000)}`);
  return response;
}

/**
 * Where a tree computed afresh spends its time in PostgreSQL: the recursive
 * walk of readTree (tree-queries.ts), under EXPLAIN ANALYZE. Printed when
 * the goal is missed, or with EXPLAIN=1.
 */
async function explainTree(client: pg.Client, rootId: string, objects: number): Promise<void> {
  const plan = async (text: string, values: unknown[]) =>
    (await client.query(`explain (analyze, buffers) ${text}`, values)).rows.map((row: Record<string, string>) => row['QUERY PLAN']!);
  const paths = await plan(
    `with recursive tree (object_id, parent_path, path, position, depth, sort_key) as (
       select o.id, null::text, o.code, 0, 0, array[0] from curriculum.objects o where o.id = $1::uuid
       union all
       select l.child_id, t.path, t.path || '>' || c.code, l.position, t.depth + 1, t.sort_key || l.position
         from tree t join curriculum.links l on l.parent_id = t.object_id join curriculum.objects c on c.id = l.child_id)
     select object_id, parent_path, path, position, depth from tree order by sort_key`,
    [rootId],
  );
  const time = (lines: string[]) => lines.find((line) => line.startsWith('Execution Time'))?.replace('Execution Time: ', '') ?? '?';
  console.log(`  EXPLAIN ANALYZE of the recursive walk of readTree (tree-queries.ts), ${objects.toLocaleString('en')} objects:`);
  console.log(`    ${time(paths)}; ${paths[0]!.trim()}`);
}

const ms = (value: number) => `${value.toFixed(1).padStart(7)} ms`;

await withPostgres(async (serverUrl) => {
  // createTestRuntime makes a fresh database on the server named by this variable.
  process.env['PEGASE_TEST_DATABASE_URL'] = serverUrl;
  const runtime = await createTestRuntime([referentialModule, curriculumModule]);
  try {
    const post = async (url: string, body: unknown) => (await call(runtime, 'POST', url, body)).json() as { id: string };
    const from = await post('/api/referential/v1/periods', {
      code: '2040-2041',
      type: 'academic-year',
      labels: { fr: 'Année 2040-2041' },
      startDate: '2040-09-01',
      endDate: '2041-08-31',
    });
    const to = await post('/api/referential/v1/periods', {
      code: '2041-2042',
      type: 'academic-year',
      labels: { fr: 'Année 2041-2042' },
      startDate: '2041-09-01',
      endDate: '2042-08-31',
    });
    const faculty = await post('/api/referential/v1/structures', { code: 'UFR-BENCH', type: 'ufr', labels: { fr: 'UFR du banc d’essai' } });
    const department = await post('/api/referential/v1/structures', {
      code: 'BENCH-DEPT',
      type: 'department',
      labels: { fr: 'Département du banc d’essai' },
      parentId: faculty.id,
    });
    await runtime.drainEvents();

    // The same server, the database createTestRuntime made.
    const [database] = await rowsOf<{ name: string; version: string }>(
      runtime.database.db,
      sql`select current_database() as name, current_setting('server_version') as version`,
    );
    const url = new URL(serverUrl);
    url.pathname = `/${database!.name}`;
    const data = new pg.Client({ connectionString: url.toString() });
    await data.connect();
    const began = performance.now();
    const { offer, big, bigObjects } = generateOffer(department.id);
    await insertOffer(data, from.id, offer);
    console.log(
      `curriculum on PostgreSQL ${database!.version}, Node ${process.version}, ${process.platform}/${process.arch}: ` +
        `${FORMATIONS} formations, ${offer.objects.length.toLocaleString('en')} objects, ${offer.links.length.toLocaleString('en')} links ` +
        `generated in ${((performance.now() - began) / 1000).toFixed(1)} s`,
    );

    // Reading the big formation as a tree, every path.
    const treeUrl = `${api}/objects/${big}/tree`;
    // The first read walks the tree; the next ones find it computed for this version of the offer (tree-cache.ts).
    const coldStarted = performance.now();
    const first = (await call(runtime, 'GET', treeUrl)).json() as { objects: unknown[]; nodes: unknown[] };
    const cold = performance.now() - coldStarted;
    for (let i = 0; i < warmUp; i++) await call(runtime, 'GET', treeUrl);
    const samples: number[] = [];
    let bytes = 0;
    for (let i = 0; i < reads; i++) {
      const started = performance.now();
      const response = await call(runtime, 'GET', treeUrl);
      samples.push(performance.now() - started);
      bytes = response.rawPayload.length;
    }
    const sorted = [...samples].sort((a, b) => a - b);
    const p95 = percentile(sorted, 95);
    report({
      name: `tree of a ${bigObjects.toLocaleString('en')}-object formation (${first.nodes.length.toLocaleString('en')} paths, ${(bytes / 1024 / 1024).toFixed(1)} MB)`,
      figure: `p50 ${ms(percentile(sorted, 50))}  p95 ${ms(p95)}  max ${ms(sorted[sorted.length - 1]!)}`,
      goal: 'p95 < 20 ms',
      met: p95 < 20,
    });
    console.log(`  first read, the tree walked afresh (after any change of the offer): ${ms(cold).trim()}`);
    if (p95 >= 20 || process.env['EXPLAIN'] === '1') await explainTree(data, big, first.objects.length);

    // Validating it (its consistency report first: no error, or the validation is refused).
    const consistency = (await call(runtime, 'GET', `${api}/objects/${big}/consistency`)).json() as { objects: number; errors: number; warnings: number };
    if (consistency.errors > 0) throw new Error(`the generated formation has ${consistency.errors} consistency errors`);
    let started = performance.now();
    await call(runtime, 'POST', `${api}/objects/${big}/validate`);
    const validation = performance.now() - started;
    report({
      name: `validation of the ${bigObjects.toLocaleString('en')}-object formation (${consistency.warnings} warnings)`,
      figure: ms(validation),
      goal: '< 1 s',
      met: validation < 1000,
    });

    // Copying the whole period.
    started = performance.now();
    const copy = (await call(runtime, 'POST', `${api}/periods/${from.id}/copy`, { toPeriodId: to.id })).json() as { objects: number; links: number };
    const copied = (performance.now() - started) / 1000;
    report({
      name: `copy of the whole period (${copy.objects.toLocaleString('en')} objects, ${copy.links.toLocaleString('en')} links)`,
      figure: `${copied.toFixed(2).padStart(7)} s`,
      goal: '< 10 s',
      met: copied < 10,
    });
    await data.end();
  } finally {
    await runtime.close();
  }
});

const missed = goals.filter((goal) => !goal.met);
console.log(missed.length === 0 ? 'all goals met' : `goals missed: ${missed.map((goal) => goal.name).join('; ')}`);
if (missed.length > 0) process.exitCode = 1;

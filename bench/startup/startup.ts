/**
 * Time from launching `pegase serve` to its first 200 on /health/ready.
 *
 *   npm run bench:startup            # PGlite and a scratch PostgreSQL 15
 *   RUNS=10 npm run bench:startup
 *
 * Shapes measured: the sandbox (in memory, demo data), the embedded database
 * on first start (migrations) and on a later start, and PostgreSQL on first
 * start (fresh database, migrations) and on a later start. Prints the median,
 * min and max of RUNS launches each.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { freePort, startPegase } from '../../apps/server/test/run-pegase.ts';
import { withPostgres } from '../shared/scratch-postgres.ts';

const runs = Number(process.env['RUNS'] ?? 5);

async function timeStart(args: string[], env: Record<string, string>): Promise<number> {
  const port = await freePort();
  const began = performance.now();
  const server = await startPegase(args, { LOG_LEVEL: 'warn', ...env }, port, 120_000);
  const elapsed = performance.now() - began;
  server.child.kill('SIGTERM');
  const code = await server.exited;
  if (code !== 0) throw new Error(`pegase exited with ${code}:\n${server.output()}`);
  return elapsed;
}

function summary(name: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return `${name.padEnd(44)} median ${median.toFixed(0).padStart(6)} ms   min ${sorted[0]!.toFixed(0).padStart(6)} ms   max ${sorted[sorted.length - 1]!.toFixed(0).padStart(6)} ms   (n=${samples.length})`;
}

async function repeat(name: string, once: () => Promise<number>): Promise<void> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await once());
  console.log(summary(name, samples));
}

async function admin(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(statement);
  await client.end();
}

console.log(`pegase serve: launch → /health/ready 200, ${runs} run(s) each, Node ${process.version}, ${process.platform}/${process.arch}`);

await repeat('sandbox (in memory, demo data)', () => timeStart(['--sandbox'], {}));

await repeat('PGlite, first start (migrations)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pegase-bench-'));
  try {
    return await timeStart([], { PEGASE_DATA_DIR: dir, DATABASE_URL: '' });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

const warmDir = await mkdtemp(join(tmpdir(), 'pegase-bench-'));
await timeStart([], { PEGASE_DATA_DIR: warmDir, DATABASE_URL: '' });
await repeat('PGlite, later start (schema up to date)', () => timeStart([], { PEGASE_DATA_DIR: warmDir, DATABASE_URL: '' }));
await rm(warmDir, { recursive: true, force: true });

await withPostgres(async (serverUrl) => {
  let n = 0;
  await repeat('PostgreSQL 15, first start (migrations)', async () => {
    const name = `pegase_bench_${process.pid}_${n++}`;
    await admin(serverUrl, `create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    try {
      return await timeStart([], { DATABASE_URL: url.toString() });
    } finally {
      await admin(serverUrl, `drop database ${name} with (force)`);
    }
  });
  const name = `pegase_bench_${process.pid}_warm`;
  await admin(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await timeStart([], { DATABASE_URL: url.toString() });
  await repeat('PostgreSQL 15, later start (schema up to date)', () => timeStart([], { DATABASE_URL: url.toString() }));
  await admin(serverUrl, `drop database ${name} with (force)`);
});

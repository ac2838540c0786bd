/**
 * Zero downtime (issue 9): two `pegase serve` replicas on one PostgreSQL
 * behind HAProxy, steady traffic through HAProxy, and the replicas restarted
 * one after the other with SIGTERM — as a rolling upgrade does. Goal: no
 * failed request. Prints requests sent, failed (by cause), p50/p99 and the
 * worst latency, what HAProxy retried, how long each replica took to stop
 * and to be back; exits 1 when a request failed or a replica did not stop
 * cleanly.
 *
 *   npm run bench:rolling-restart                               # scratch PostgreSQL 15 (scripts/postgres.sh)
 *   PEGASE_TEST_DATABASE_URL=postgres://… npm run bench:rolling-restart
 *   RATE=150 SETTLE_S=5 ROUNDS=1 npm run bench:rolling-restart  # the defaults
 *
 * RATE: requests a second, sent on a fixed schedule whatever the answers
 * (open loop, as users do not wait for each other); SETTLE_S: traffic before
 * the first restart, between restarts and after the last; ROUNDS: how many
 * times both replicas are restarted. HAProxy comes from Debian
 * (scripts/haproxy.sh installs it when missing, as root).
 *
 * The traffic: reads that touch the database (the establishment, the
 * nomenclatures, one nomenclature's values, the structures) and idempotent
 * writes (PUT of the establishment, the same body each time), and a write
 * that is not (POST of a new structure). HAProxy checks /health/ready every
 * 500 ms (250 ms once a check fails) and may send an idempotent request again
 * to the other replica, never a POST once sent: its retries are printed, as
 * they show how much the server's own shutdown leaves to the proxy.
 * `PEGASE_SHUTDOWN_DELAY_MS=0 npm run bench:rolling-restart` shows the
 * replicas closing their listener at SIGTERM, before HAProxy takes them out.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort, runPegase, startPegase, type Serving } from '../../apps/server/test/run-pegase.ts';
import { withPostgres } from '../shared/scratch-postgres.ts';
import { haproxyConfig, retriesOf, type BackendStats } from './haproxy.ts';
import { summarise, type Outcome } from './traffic-report.ts';

const setting = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got ${process.env[name]}`);
  return value;
};
const rate = setting('RATE', 150);
const settleMs = setting('SETTLE_S', 5) * 1000;
const rounds = setting('ROUNDS', 1);

const haproxyScript = fileURLToPath(new URL('../../scripts/haproxy.sh', import.meta.url));

/** One request of the mix: a read that touches the database, or an idempotent write. */
interface Call {
  name: string;
  method: 'GET' | 'PUT' | 'POST';
  path: string;
  /** The body of the n-th request sent. */
  body?: (n: number) => string;
  /** The answer it must get; anything else is a failure. */
  expect: number;
}

const ESTABLISHMENT = JSON.stringify({ uai: '0999999F', name: 'Université Pégase', city: 'Lyon' });
const MIX: Call[] = [
  { name: 'GET establishment', method: 'GET', path: '/api/referential/v1/establishment', expect: 200 },
  { name: 'GET nomenclatures', method: 'GET', path: '/api/referential/v1/nomenclatures?limit=20', expect: 200 },
  { name: 'GET values', method: 'GET', path: '/api/referential/v1/nomenclatures/COUNTRY/values?limit=20', expect: 200 },
  { name: 'GET structures', method: 'GET', path: '/api/referential/v1/structures?limit=20', expect: 200 },
  { name: 'PUT establishment', method: 'PUT', path: '/api/referential/v1/establishment', body: () => ESTABLISHMENT, expect: 200 },
  // Not idempotent: HAProxy never sends it twice once sent, so the replicas' own shutdown must not lose it.
  {
    name: 'POST structure',
    method: 'POST',
    path: '/api/referential/v1/structures',
    body: (n) => JSON.stringify({ code: `BENCH-${n}`, type: 'department', labels: { fr: `Département ${n}` } }),
    expect: 201,
  },
];

async function main(): Promise<void> {
  const haproxyBinary = execFileSync('bash', [haproxyScript, 'path'], { encoding: 'utf8' }).trim();
  const haproxyVersion = execFileSync(haproxyBinary, ['-v'], { encoding: 'utf8' }).split('\n')[0]!;

  await withPostgres(async (serverUrl) => {
    const name = `pegase_rolling_${process.pid}`;
    await admin(serverUrl, `create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const work = await mkdtemp(join(tmpdir(), 'pegase-rolling-'));
    const [frontPort, statsPort, ...replicaPorts] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
    const front = `http://127.0.0.1:${frontPort}`;
    // Every process signs and checks tokens for the same issuer (the address users reach).
    const env = { DATABASE_URL: url.toString(), PEGASE_PUBLIC_URL: front, PEGASE_MIGRATE_ON_START: 'false', LOG_LEVEL: 'warn', HOST: '127.0.0.1' };
    const replicas: (Serving | undefined)[] = [undefined, undefined];
    let haproxy: ChildProcess | undefined;
    try {
      // ------------------------------------------------------------ set-up: schema, an account, two replicas, HAProxy
      await pegase(['migrate'], env);
      await pegase(['account', '--login', 'bench-admin', '--roles', 'admin', '--password-stdin'], env, 'bench-admin-password-1234\n');
      const token = (await pegase(['token', '--user', 'bench-admin', '--ttl', '2h'], env)).trim();
      for (const at of [0, 1]) replicas[at] = await startPegase([], env, replicaPorts[at]!, 120_000);

      const configFile = join(work, 'haproxy.cfg');
      await writeFile(configFile, haproxyConfig({ frontPort: frontPort!, statsPort: statsPort!, replicaPorts: replicaPorts as [number, number] }));
      execFileSync(haproxyBinary, ['-c', '-q', '-f', configFile]);
      haproxy = spawn(haproxyBinary, ['-db', '-f', configFile], { stdio: ['ignore', 'ignore', 'pipe'] });
      let haproxyLog = '';
      haproxy.stderr!.on('data', (chunk: Buffer) => (haproxyLog += chunk.toString()));
      const stats = `http://127.0.0.1:${statsPort}/stats;csv`;
      await waitFor('HAProxy to see both replicas up', 30_000, async () => (await backendStats(stats)).up === 2);

      // The data the reads return, through the API.
      const api = (method: string, path: string, body?: unknown) =>
        fetch(`${front}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }).then(async (response) => {
          if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
        });
      await api('PUT', '/api/referential/v1/establishment', JSON.parse(ESTABLISHMENT));
      await api('POST', '/api/referential/v1/nomenclatures', { code: 'COUNTRY', labels: { fr: 'Pays', en: 'Countries' } });
      for (const code of ['100', '109', '127', '134', '212'])
        await api('POST', '/api/referential/v1/nomenclatures/COUNTRY/values', { code, labels: { fr: `Pays ${code}` }, validFrom: '1900-01-01' });
      for (const code of ['UFR-SCI', 'UFR-LET', 'UFR-DRT'])
        await api('POST', '/api/referential/v1/structures', { code, type: 'ufr', labels: { fr: `Composante ${code}` } });

      const version = await admin(serverUrl, `select current_setting('server_version') as v`);
      console.log(
        `rolling restart on PostgreSQL ${version}, ${haproxyVersion}, Node ${process.version}: 2 replicas behind HAProxy, ` +
          `${rate} requests/s (${MIX.map((call) => call.name).join(', ')}), ${rounds} round(s) of restarts, ${settleMs / 1000} s between steps`,
      );

      // ------------------------------------------------------------ the run: steady traffic, each replica restarted in turn
      const traffic = startTraffic(front, token, rate);
      const restarts: string[] = [];
      let clean = true;
      await sleep(settleMs);
      for (let round = 0; round < rounds; round++) {
        for (const at of [0, 1]) {
          const replica = replicas[at]!;
          const rss = residentMegabytes(replica.child.pid);
          const signalled = performance.now();
          replica.child.kill('SIGTERM');
          const code = await replica.exited;
          const stopped = performance.now() - signalled;
          if (code !== 0) {
            clean = false;
            console.log(`replica ${at + 1} exited with ${code}:\n${replica.output()}`);
          }
          replicas[at] = undefined;
          const launched = performance.now();
          replicas[at] = await startPegase([], env, replicaPorts[at]!, 120_000);
          const ready = performance.now() - launched;
          await waitFor(`HAProxy to see replica ${at + 1} up again`, 30_000, async () => (await backendStats(stats)).up === 2);
          const inRotation = performance.now() - launched;
          restarts.push(
            `replica ${at + 1}: ${rss === undefined ? '' : `${rss} MB resident, `}stopped ${(stopped / 1000).toFixed(2)} s after SIGTERM (exit ${code}), ready ${(ready / 1000).toFixed(2)} s after launch, ` +
              `back in HAProxy's rotation after ${(inRotation / 1000).toFixed(2)} s`,
          );
          await sleep(settleMs);
        }
      }
      const outcomes = await traffic.stop();
      const proxy = await backendStats(stats);

      // ------------------------------------------------------------ the figures
      for (const line of restarts) console.log(`  ${line}`);
      const summary = summarise(outcomes);
      for (const line of summary.lines) console.log(line);
      console.log(
        `  HAProxy: ${proxy.retries} connection/request retries, ${proxy.redispatches} redispatched to the other replica, ` +
          `${proxy.serverErrors} answers 5xx from a replica`,
      );
      const failed = summary.failed > 0;
      console.log(`goal: 0 failed requests — ${failed ? 'MISS' : 'PASS'}${clean ? '' : '; a replica did not stop cleanly — MISS'}`);
      if (failed && haproxyLog !== '') console.log(`HAProxy said:\n${haproxyLog.slice(-4000)}`);
      process.exitCode = failed || !clean ? 1 : 0;
    } finally {
      haproxy?.kill('SIGTERM');
      for (const replica of replicas) {
        if (replica === undefined) continue;
        replica.child.kill('SIGTERM');
        await replica.exited;
      }
      await rm(work, { recursive: true, force: true });
      await admin(serverUrl, `drop database if exists ${name} with (force)`);
    }
  });
}

/** Sends the mix at `perSecond` on a fixed schedule until stopped; resolves with every outcome once all answers are in. */
function startTraffic(base: string, token: string, perSecond: number): { stop: () => Promise<Outcome[]> } {
  const target = new URL(base);
  // Keep-alive as a browser or an API client would: the proxy's reuse of connections is part of the test.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const outcomes: Outcome[] = [];
  const pending = new Set<Promise<void>>();
  const began = performance.now();
  let sent = 0;
  let stopped = false;

  const send = (call: Call, n: number): Promise<void> =>
    new Promise((resolve) => {
      const started = performance.now();
      const done = (outcome: Omit<Outcome, 'call' | 'ms' | 'atMs'>) => {
        outcomes.push({ call: call.name, ms: performance.now() - started, atMs: started - began, ...outcome });
        resolve();
      };
      const payload = call.body === undefined ? undefined : Buffer.from(call.body(n));
      const request = http.request(
        {
          host: target.hostname,
          port: target.port,
          method: call.method,
          path: call.path,
          agent,
          headers: {
            authorization: `Bearer ${token}`,
            accept: 'application/json',
            ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': String(payload.length) }),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const status = response.statusCode ?? 0;
            done(status === call.expect ? { ok: true, status } : { ok: false, status, cause: `HTTP ${status} ${problemType(Buffer.concat(chunks))}`.trim() });
          });
          response.on('error', (error) => done({ ok: false, status: 0, cause: `response cut: ${(error as NodeJS.ErrnoException).code ?? error.message}` }));
        },
      );
      request.setTimeout(10_000, () => request.destroy(Object.assign(new Error('no answer in 10 s'), { code: 'TIMEOUT' })));
      request.on('error', (error: NodeJS.ErrnoException) => done({ ok: false, status: 0, cause: `network: ${error.code ?? error.message}` }));
      request.end(payload);
    });

  // A fixed schedule: request n leaves at n / perSecond, late ticks catch up at once.
  const interval = 1000 / perSecond;
  const tick = setInterval(() => {
    const due = Math.floor((performance.now() - began) / interval);
    while (!stopped && sent < due) {
      const call = MIX[sent % MIX.length]!;
      sent++;
      const flight = send(call, sent).finally(() => pending.delete(flight));
      pending.add(flight);
    }
  }, 5);

  return {
    async stop() {
      stopped = true;
      clearInterval(tick);
      await Promise.all([...pending]);
      agent.destroy();
      return outcomes;
    },
  };
}

function problemType(body: Buffer): string {
  try {
    return String((JSON.parse(body.toString('utf8')) as { type?: unknown }).type ?? '');
  } catch {
    return '';
  }
}

async function backendStats(url: string): Promise<BackendStats> {
  const response = await fetch(url);
  return retriesOf(await response.text());
}

/** Resident memory of a process, from /proc (undefined where there is none). */
function residentMegabytes(pid: number | undefined): number | undefined {
  try {
    const kilobytes = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kilobytes === undefined ? undefined : Math.round(Number(kilobytes) / 1024);
  } catch {
    return undefined;
  }
}

async function waitFor(what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (await check().catch(() => false)) return;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function pegase(args: string[], env: Record<string, string>, stdin?: string): Promise<string> {
  const finished = await runPegase(args, env, 120_000, stdin);
  if (finished.code !== 0) throw new Error(`pegase ${args.join(' ')} exited with ${finished.code}:\n${finished.stderr}`);
  return finished.stdout;
}

async function admin(serverUrl: string, statement: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const result = await client.query<Record<string, unknown>>(statement);
    return String(Object.values(result.rows[0] ?? {})[0] ?? '');
  } finally {
    await client.end();
  }
}

await main();

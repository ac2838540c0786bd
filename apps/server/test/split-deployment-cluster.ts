import { spawn } from 'node:child_process';
import { allModules } from '../src/modules.ts';
import { freePort, pegaseBin, waitUntilReady, type Serving } from './run-pegase.ts';

/** The modules of this build, each to be served by a process of its own. */
export const moduleNames = allModules.map((module) => module.name);

export interface Answer {
  status: number;
  headers: Headers;
  json: Record<string, unknown> & { id: string };
  bytes: Buffer;
}

/** One `pegase serve --modules <name>` per module, on one database and one broker. */
export interface SplitCluster {
  servers: Map<string, Serving>;
  /** Calls a route of `module` on that module's own process: `/api/<module>/v1<path>`. */
  api(module: string, token: string, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
  /** The same request to any process, by absolute path (to see a foreign module's route answer 404). */
  raw(server: Serving, token: string, path: string): Promise<Answer>;
}

/**
 * Starts the processes side by side and resolves once every one is ready.
 * `track` learns of each child as soon as it is spawned, so that a caller's
 * clean-up stops it even if the test gives up while it is still starting.
 */
export async function startSplitCluster(env: Record<string, string>, track: (server: Serving) => void, timeoutMs = 120_000): Promise<SplitCluster> {
  const servers = new Map<string, Serving>();
  const ports = new Set<number>();
  while (ports.size < moduleNames.length) ports.add(await freePort());
  const free = [...ports];
  const outcomes = await Promise.allSettled(
    moduleNames.map(async (name, index) => {
      const server = spawnServe(name, free[index]!, env);
      servers.set(name, server);
      track(server);
      await waitUntilReady(server.baseUrl, timeoutMs, server.output, server.exited);
    }),
  );
  const failed = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failed !== undefined) {
    await stopAll([...servers.values()]);
    throw failed.reason;
  }

  const request = async (url: string, token: string, method: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> => {
    const response = await fetch(url, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    let json: Answer['json'];
    try {
      json = JSON.parse(bytes.toString('utf8')) as Answer['json'];
    } catch {
      json = {} as Answer['json'];
    }
    return { status: response.status, headers: response.headers, json, bytes };
  };
  return {
    servers,
    api: (module, token, method, path, body, headers) => {
      const server = servers.get(module);
      if (server === undefined) throw new Error(`no process serves ${module}`);
      return request(`${server.baseUrl}/api/${module}/v1${path}`, token, method, body, headers);
    },
    raw: (server, token, path) => request(`${server.baseUrl}${path}`, token, 'GET'),
  };
}

/** `pegase serve --modules <name>`, its output kept; readiness is the caller's to wait for. */
function spawnServe(name: string, port: number, env: Record<string, string>): Serving {
  const child = spawn(process.execPath, [pegaseBin, 'serve', '--modules', name, '--port', String(port)], { env: { ...process.env, ...env } });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, baseUrl: `http://127.0.0.1:${port}`, output: () => output, exited };
}

/** SIGTERM to every process, then SIGKILL to those still running after a few seconds. */
export async function stopAll(servers: Serving[]): Promise<void> {
  const running = servers.filter((server) => server.child.exitCode === null && server.child.signalCode === null);
  for (const server of running) server.child.kill('SIGTERM');
  const late = setTimeout(() => running.forEach((server) => server.child.kill('SIGKILL')), 10_000);
  await Promise.all(running.map((server) => server.exited));
  clearTimeout(late);
}

export interface Hop {
  label: string;
  ms: number;
  attempts: number;
}

/** What a poll saw when it was not done yet, for the error message if it never is. */
export class Pending {
  readonly last: unknown;
  constructor(last: unknown) {
    this.last = last;
  }
}

/**
 * Polls `attempt` until it gives a value rather than a `Pending` (an event
 * reached another process), recording how long the hop took. On timeout the
 * error shows the last answer and the output of the processes involved.
 */
export async function until<T>(hops: Hop[], label: string, attempt: () => Promise<T | Pending>, context: () => string, timeoutMs = 30_000): Promise<T> {
  const started = Date.now();
  for (let attempts = 1; ; attempts++) {
    const outcome = await attempt();
    if (!(outcome instanceof Pending)) {
      hops.push({ label, ms: Date.now() - started, attempts });
      return outcome;
    }
    if (Date.now() - started > timeoutMs)
      throw new Error(`${label}: not done after ${timeoutMs} ms; last answer ${JSON.stringify(outcome.last)}\n${context()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The end of a process's output, for an error message. */
export function tail(name: string, server: Serving | undefined, lines = 25): string {
  if (server === undefined) return `${name}: not started`;
  return `--- ${name} (last ${lines} lines) ---\n${server.output().trim().split('\n').slice(-lines).join('\n')}`;
}

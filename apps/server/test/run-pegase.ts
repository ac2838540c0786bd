import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const pegaseBin = fileURLToPath(new URL('../bin/pegase.js', import.meta.url));

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `pegase …` to completion with the Node.js that runs the tests. */
export function runPegase(args: string[], env: Record<string, string | undefined> = {}, timeoutMs = 60_000, stdin?: string): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [pegaseBin, ...args], { env: { ...process.env, LOG_LEVEL: 'warn', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end(stdin ?? '');
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`pegase ${args.join(' ')} did not finish in ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export interface Serving {
  child: ChildProcessWithoutNullStreams;
  baseUrl: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts `pegase serve …` and resolves once /health/ready answers 200. */
export async function startPegase(args: string[], env: Record<string, string | undefined>, port: number, timeoutMs = 60_000): Promise<Serving> {
  const child = spawn(process.execPath, [pegaseBin, 'serve', '--port', String(port), ...args], { env: { ...process.env, LOG_LEVEL: 'info', ...env } });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntilReady(baseUrl, timeoutMs, () => output, exited);
  return { child, baseUrl, output: () => output, exited };
}

export async function waitUntilReady(baseUrl: string, timeoutMs: number, output: () => string, exited?: Promise<number | null>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let hasExited = false;
  void exited?.then(() => (hasExited = true));
  while (Date.now() < deadline) {
    if (hasExited) throw new Error(`pegase exited before being ready:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/health/ready`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`pegase was not ready within ${timeoutMs} ms:\n${output()}`);
}

export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

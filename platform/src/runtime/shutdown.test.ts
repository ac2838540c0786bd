import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../observability/logger.ts';
import { closeOnSignals } from './shutdown.ts';
import { fixtureModule } from '../testing/fixture-module/fixture-module.ts';
import { createTestRuntime } from '../testing/test-runtime.ts';

describe('graceful shutdown', () => {
  it('finishes a request in flight, then refuses new connections and closes the database', async () => {
    const runtime = await createTestRuntime([fixtureModule({ slowMs: 700 })]);
    const address = await runtime.app.listen({ port: 0, host: '127.0.0.1' });

    const inFlight = fetch(`${address}/api/fixture/v1/slow`);
    await new Promise((resolve) => setTimeout(resolve, 150));
    const closed = runtime.close();

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ done: true });
    await closed;
    await expect(fetch(`${address}/health/live`)).rejects.toThrow();
    await expect(runtime.database.ping()).rejects.toThrow();
  });
});

describe('shutdown on SIGTERM behind a load balancer', () => {
  /** A GET over a connection of its own (no pooling): the status and whether the server closes the connection. */
  const get = (url: string) =>
    new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
      http
        .get(url, { agent: false }, (response) => {
          response.resume();
          response.on('end', () => resolve({ status: response.statusCode ?? 0, connection: response.headers.connection }));
        })
        .on('error', reject);
    });

  it('goes unready at once, still serves during the delay, then refuses connections and exits 0', async () => {
    const runtime = await createTestRuntime([fixtureModule({ slowMs: 300 })]);
    const address = await runtime.app.listen({ port: 0, host: '127.0.0.1' });
    let exited: (code: number) => void = () => undefined;
    const exitCode = new Promise<number>((resolve) => (exited = resolve));
    const remove = closeOnSignals(runtime, createLogger('silent'), { timeoutMs: 5_000, delayMs: 600, exit: exited });
    try {
      expect((await get(`${address}/health/ready`)).status).toBe(200);
      const signalled = Date.now();
      process.emit('SIGTERM', 'SIGTERM');

      // Unready for the balancer's checks, but a request sent meanwhile is answered, its connection then closed.
      expect((await get(`${address}/health/ready`)).status).toBe(503);
      const slow = get(`${address}/api/fixture/v1/slow`);
      expect(await get(`${address}/health/live`)).toEqual({ status: 200, connection: 'close' });
      expect(await slow).toEqual({ status: 200, connection: 'close' });
      expect(Date.now() - signalled).toBeLessThan(600);

      expect(await exitCode).toBe(0);
      expect(Date.now() - signalled).toBeGreaterThanOrEqual(600);
      await expect(get(`${address}/health/live`)).rejects.toThrow();
    } finally {
      remove();
      await runtime.close();
    }
  });

  it('closes at once on SIGINT (a terminal: no balancer to wait for)', async () => {
    const runtime = await createTestRuntime([fixtureModule({ slowMs: 300 })]);
    const address = await runtime.app.listen({ port: 0, host: '127.0.0.1' });
    let exited: (code: number) => void = () => undefined;
    const exitCode = new Promise<number>((resolve) => (exited = resolve));
    const remove = closeOnSignals(runtime, createLogger('silent'), { timeoutMs: 5_000, delayMs: 60_000, exit: exited });
    try {
      process.emit('SIGINT', 'SIGINT');
      expect(await exitCode).toBe(0);
      await expect(get(`${address}/health/live`)).rejects.toThrow();
    } finally {
      remove();
      await runtime.close();
    }
  });
});

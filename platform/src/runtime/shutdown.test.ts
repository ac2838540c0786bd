import { describe, expect, it } from 'vitest';
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

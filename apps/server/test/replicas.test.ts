import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testServerUrl, type TestDatabase } from '@pegase/platform/testing';
import { freePort, runPegase, startPegase, type Serving } from './run-pegase.ts';

/** Needs a real PostgreSQL server: runs in `npm run test:integration`. */
describe.skipIf(testServerUrl() === undefined)('two replicas starting together on one empty PostgreSQL', () => {
  const started: Serving[] = [];
  let database: TestDatabase;
  afterAll(async () => {
    for (const server of started) server.child.kill('SIGTERM');
    await Promise.all(started.map((s) => s.exited));
    await database?.drop();
  });

  it('both become ready and the migrations run exactly once', async () => {
    database = await createTestDatabase();
    // Replicas behind one ingress share one public URL, hence one token issuer.
    const env = { DATABASE_URL: database.url!, PEGASE_MIGRATE_ON_START: 'true', PEGASE_PUBLIC_URL: 'https://scolarite.example.fr' };
    const [portA, portB] = [await freePort(), await freePort()];
    started.push(...(await Promise.all([startPegase([], env, portA), startPegase([], env, portB)])));

    for (const server of started) expect((await fetch(`${server.baseUrl}/health/ready`)).status).toBe(200);

    const client = new pg.Client({ connectionString: database.url! });
    await client.connect();
    try {
      const ledger = await client.query<{ module: string; version: string; n: string }>(
        'select module, version, count(*) as n from pegase_platform.schema_migrations group by module, version',
      );
      expect(ledger.rows.length).toBeGreaterThan(1);
      expect(ledger.rows.every((row) => row.n === '1')).toBe(true);
    } finally {
      await client.end();
    }

    // One replica applied everything; the other waited on the lock and found nothing to do.
    const summaries = started.map((s) => /migrations: (\d+) applied, (\d+) already applied/.exec(s.output())?.slice(1).map(Number));
    const appliers = summaries.filter((s) => s !== undefined && s[0]! > 0);
    const waiters = summaries.filter((s) => s !== undefined && s[0] === 0);
    expect(appliers).toHaveLength(1);
    expect(waiters).toHaveLength(1);
    expect(waiters[0]![1]).toBe(appliers[0]![0]);

    // And both serve the same data, to the same token, signed with the key both share.
    await runPegase(['account', '--login', 'replica-admin', '--roles', 'admin', '--password-stdin'], env, 60_000, 'a long enough password\n');
    const token = (await runPegase(['token', '--user', 'replica-admin'], env)).stdout.trim();
    const created = await fetch(`${started[0]!.baseUrl}/api/referential/v1/structures`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ code: 'REPLICA', type: 'service', labels: { fr: 'Service partagé' } }),
    });
    expect(created.status).toBe(201);
    const seen = (await (
      await fetch(`${started[1]!.baseUrl}/api/referential/v1/structures?q=REPLICA`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as {
      items: unknown[];
    };
    expect(seen.items).toHaveLength(1);
  });
});

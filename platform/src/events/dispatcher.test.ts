import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../db/database.ts';
import { fixtureModule, noteWritten } from '../testing/fixture-module/fixture-module.ts';
import { createTestRuntime, type TestRuntime } from '../testing/test-runtime.ts';

describe('outbox, inline delivery and inbox', () => {
  let runtime: TestRuntime;
  afterEach(async () => runtime.close());

  const seen = async () =>
    (await rowsOf<{ note_text: string }>(runtime.database.db, sql`select note_text from fixture.seen order by note_text`)).map((r) => r.note_text);
  const outbox = () =>
    rowsOf<{ type: string; published: boolean; attempts: number; last_error: string | null }>(
      runtime.database.db,
      sql`select type, published_at is not null as published, attempts, last_error from pegase_platform.outbox order by position`,
    );

  it('writes the event with the change and delivers it once to each handler', async () => {
    runtime = await createTestRuntime([fixtureModule()]);
    expect((await runtime.request('POST', '/api/fixture/v1/notes', { text: 'hello' })).statusCode).toBe(201);
    expect(await runtime.drainEvents()).toBe(1);
    expect(await seen()).toEqual(['hello']);
    expect(await outbox()).toEqual([{ type: noteWritten.type, published: true, attempts: 1, last_error: null }]);
  });

  it('writes no event when the transaction rolls back', async () => {
    runtime = await createTestRuntime([fixtureModule()]);
    const response = await runtime.request('POST', '/api/fixture/v1/notes', { text: 'doomed', failAfterWrite: true });
    expect(response.statusCode).toBe(422);
    expect(await outbox()).toEqual([]);
    expect(await rowsOf(runtime.database.db, sql`select 1 from fixture.notes`)).toEqual([]);
  });

  it('retries a failed handler without running the handlers that already succeeded again', async () => {
    let failuresLeft = 1;
    let flakyRuns = 0;
    runtime = await createTestRuntime([
      fixtureModule({
        handlers: [
          {
            consumer: 'fixture.flaky',
            event: noteWritten.type,
            async handle() {
              flakyRuns++;
              if (failuresLeft-- > 0) throw new Error('downstream unavailable');
            },
          },
        ],
      }),
    ]);
    await runtime.request('POST', '/api/fixture/v1/notes', { text: 'again' });
    await runtime.drainEvents();
    const [afterFailure] = await outbox();
    expect(afterFailure).toMatchObject({ published: false, attempts: 1 });
    expect(afterFailure!.last_error).toContain('downstream unavailable');

    // Skip the back-off: make the event due now, as time passing would.
    await runtime.database.db.execute(sql`update pegase_platform.outbox set lease_until = now() - interval '1 second'`);
    await runtime.drainEvents();
    expect(await outbox()).toMatchObject([{ published: true, attempts: 2, last_error: null }]);
    expect(flakyRuns).toBe(2);
    // The successful handler ran once in all, thanks to the inbox.
    expect(await seen()).toEqual(['again']);
  });

  it('ignores a redelivered event already recorded in the inbox', async () => {
    runtime = await createTestRuntime([fixtureModule()]);
    await runtime.request('POST', '/api/fixture/v1/notes', { text: 'once' });
    await runtime.drainEvents();
    // Simulate a crash after delivery but before the outbox was marked.
    await runtime.database.db.execute(sql`update pegase_platform.outbox set published_at = null, lease_until = null`);
    expect(await runtime.drainEvents()).toBe(1);
    expect(await seen()).toEqual(['once']);
  });

  it('delivers after commit without waiting for the poll', async () => {
    runtime = await createTestRuntime([fixtureModule()], { deliverEvents: true, env: { PEGASE_EVENTS_POLL_MS: '60000' } });
    await runtime.request('POST', '/api/fixture/v1/notes', { text: 'prompt' });
    await expect.poll(seen, { timeout: 5000, interval: 20 }).toEqual(['prompt']);
  });

  it('feeds consumers side by side, each taking its events in order, many to a transaction', async () => {
    const handled: string[] = [];
    let inFlight = 0;
    let mostAtOnce = 0;
    const slow = (consumer: string) => ({
      consumer,
      event: noteWritten.type,
      async handle(event: { data: unknown }) {
        inFlight++;
        mostAtOnce = Math.max(mostAtOnce, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 10));
        handled.push(`${consumer}:${(event.data as { text: string }).text}`);
        inFlight--;
      },
    });
    runtime = await createTestRuntime([fixtureModule({ handlers: [slow('fixture.a'), slow('fixture.b'), slow('fixture.c')] })], {
      env: { PEGASE_EVENTS_CONCURRENCY: '4' },
    });
    for (let n = 1; n <= 4; n++) {
      await runtime.database.db.execute(sql`
        insert into pegase_platform.outbox (id, type, source, subject, data)
        values (gen_random_uuid(), ${noteWritten.type}, 'fixture', ${`note-${n}`}, ${JSON.stringify({ text: String(n) })}::jsonb)`);
    }
    expect(await runtime.drainEvents()).toBe(4);
    for (const consumer of ['fixture.a', 'fixture.b', 'fixture.c']) {
      expect(handled.filter((entry) => entry.startsWith(`${consumer}:`))).toEqual([1, 2, 3, 4].map((n) => `${consumer}:${n}`));
    }
    // PostgreSQL feeds the three consumers at once; the embedded database, with its one connection, one at a time.
    expect(mostAtOnce).toBe(runtime.database.kind === 'postgres' ? 3 : 1);
    expect((await outbox()).every((row) => row.published)).toBe(true);
    const inbox = await rowsOf<{ n: number }>(runtime.database.db, sql`select count(*)::int as n from pegase_platform.inbox where consumer like 'fixture._'`);
    expect(inbox[0]!.n).toBe(12);
  });

  it('takes a failing chunk again one event at a time: only the bad event waits', async () => {
    const handled: string[] = [];
    runtime = await createTestRuntime([
      fixtureModule({
        handlers: [
          {
            consumer: 'fixture.picky',
            event: noteWritten.type,
            async handle(event, tx) {
              const text = (event.data as { text: string }).text;
              await tx.execute(sql`select 1`);
              if (text === 'bad') throw new Error('cannot take bad');
              handled.push(text);
            },
          },
        ],
      }),
    ]);
    for (const text of ['one', 'bad', 'three']) await runtime.request('POST', '/api/fixture/v1/notes', { text });
    await runtime.drainEvents();
    expect(handled.filter((text) => text !== 'one' && text !== 'three')).toEqual([]);
    expect([...new Set(handled)].sort()).toEqual(['one', 'three']);
    const rows = await outbox();
    expect(rows.map((row) => row.published)).toEqual([true, false, true]);
    expect(rows[1]!.last_error).toContain('cannot take bad');
    // The other consumer (the fixture's own) took all three.
    expect(await seen()).toEqual(['bad', 'one', 'three']);
  });
});

import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../db/database.ts';
import { fixtureModule, noteWritten } from '../testing/fixture-module/fixture-module.ts';
import { createTestRuntime, type TestRuntime } from '../testing/test-runtime.ts';
import { createTestDatabase, testServerUrl } from '../testing/test-database.ts';
import { loadConfig } from '../config/env.ts';
import { createLogger } from '../observability/logger.ts';
import { createRuntime, type Runtime } from '../runtime/runtime.ts';
import { listDeadLetters, replayDeadLetters } from './dead-letters.ts';
import type { EventHandler } from './dispatcher.ts';

/**
 * One contract for every event transport: `inline` always, NATS JetStream
 * and Kafka when the integration run started them (scripts/nats.sh,
 * scripts/kafka.sh). Retries, dead letters and the outage belong to the
 * broker transports: inline retries without end (decision 0005), and has no
 * broker to lose.
 */
const transports = [
  { name: 'inline', url: 'inline', script: undefined },
  { name: 'NATS JetStream', url: process.env['PEGASE_TEST_NATS_URL'], script: 'scripts/nats.sh' },
  { name: 'Kafka', url: process.env['PEGASE_TEST_KAFKA_URL'], script: 'scripts/kafka.sh' },
];

const repository = new URL('../../../', import.meta.url).pathname;
const RETRY_MS = 20;
const MAX_ATTEMPTS = 3;

for (const transport of transports) {
  const broker = transport.url !== 'inline';
  // A broker takes seconds to form a consumer group, more on a loaded machine.
  describe.skipIf(transport.url === undefined)(`event transport contract: ${transport.name}`, { timeout: broker ? 90_000 : 30_000 }, () => {
    let runtime: TestRuntime;
    afterEach(async () => runtime?.close());

    const start = async (handlers: EventHandler[], deliverEvents = false) => {
      runtime = await createTestRuntime([fixtureModule({ handlers })], {
        logger: process.env['DEBUG_EVENTS'] ? (await import('../observability/logger.ts')).createLogger('debug') : undefined,
        deliverEvents,
        env: {
          PEGASE_EVENTS: transport.url!,
          // A namespace of its own: streams, topics and groups of earlier tests are not seen.
          PEGASE_EVENTS_NAMESPACE: `t${randomUUID().slice(0, 8)}`,
          PEGASE_EVENTS_RETRY_MS: String(RETRY_MS),
          PEGASE_EVENTS_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
          PEGASE_EVENTS_POLL_MS: '200',
        },
      });
      return runtime;
    };
    const write = async (text: string) => expect((await runtime.request('POST', '/api/fixture/v1/notes', { text })).statusCode).toBe(201);
    const insertEvent = (subject: string, text: string) =>
      runtime.database.db.execute(sql`
        insert into pegase_platform.outbox (id, type, source, subject, data)
        values (gen_random_uuid(), ${noteWritten.type}, 'fixture', ${subject}, ${JSON.stringify({ text })}::jsonb)`);
    const seen = async () =>
      (await rowsOf<{ note_text: string }>(runtime.database.db, sql`select note_text from fixture.seen order by note_text`)).map((r) => r.note_text);
    const pending = async () =>
      (await rowsOf<{ n: number }>(runtime.database.db, sql`select count(*)::int as n from pegase_platform.outbox where published_at is null`))[0]!.n;
    const recorder = (consumer: string, into: string[]): EventHandler => ({
      consumer,
      event: noteWritten.type,
      async handle(event) {
        into.push((event.data as { text: string }).text);
      },
    });

    it('delivers each event to every consumer group, once', async () => {
      const other: string[] = [];
      await start([recorder('other.count', other)]);
      for (const text of ['a', 'b', 'c']) await write(text);
      const backlog = async () => /^pegase_outbox_pending\{[^}]*\} (\d+)$/m.exec((await runtime.request('GET', '/metrics')).body)?.[1];
      expect(await backlog()).toBe('3');
      expect(await runtime.drainEvents()).toBe(3);
      expect(await seen()).toEqual(['a', 'b', 'c']);
      expect(other).toEqual(['a', 'b', 'c']);
      expect(await pending()).toBe(0);
      expect(await backlog()).toBe('0');
    });

    it("keeps one aggregate's events in order while many are written at once", async () => {
      const order: string[] = [];
      await start([recorder('other.order', order)]);
      // Five writers, each writing its aggregate's events 1 to 8, side by side.
      await Promise.all(
        [1, 2, 3, 4, 5].map(async (aggregate) => {
          for (let n = 1; n <= 8; n++) await insertEvent(`aggregate-${aggregate}`, `${aggregate}:${n}`);
        }),
      );
      expect(await runtime.drainEvents()).toBe(40);
      expect(order).toHaveLength(40);
      for (const aggregate of [1, 2, 3, 4, 5]) {
        const steps = order.filter((entry) => entry.startsWith(`${aggregate}:`)).map((entry) => Number(entry.split(':')[1]));
        expect(steps).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      }
    });

    it('has each effect once when an event is delivered twice', async () => {
      const other: string[] = [];
      await start([recorder('other.count', other)]);
      await write('once');
      await runtime.drainEvents();
      // A crash after the broker (or the handlers) took the event but before the outbox was marked: sent again.
      await runtime.database.db.execute(sql`update pegase_platform.outbox set published_at = null, lease_until = null`);
      expect(await runtime.drainEvents()).toBe(1);
      expect(await seen()).toEqual(['once']);
      expect(other).toEqual(['once']);
    });

    it.skipIf(!broker)('retries a failing consumer with growing delays, the other consumers unaffected', async () => {
      const attempts: number[] = [];
      await start([
        {
          consumer: 'other.flaky',
          event: noteWritten.type,
          async handle() {
            attempts.push(Date.now());
            if (attempts.length < MAX_ATTEMPTS) throw new Error('downstream unavailable');
          },
        },
      ]);
      await write('later');
      await runtime.drainEvents();
      expect(attempts).toHaveLength(MAX_ATTEMPTS);
      // Exponential back-off: RETRY_MS, then twice as long.
      expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(RETRY_MS - 2);
      expect(attempts[2]! - attempts[1]!).toBeGreaterThanOrEqual(2 * RETRY_MS - 2);
      expect(await seen()).toEqual(['later']);
      expect(await listDeadLetters(runtime.database.db)).toEqual([]);
    });

    it.skipIf(!broker)('turns an event a consumer keeps failing into a dead letter, then replays it once fixed', async () => {
      let broken = true;
      const taken: string[] = [];
      const picky: EventHandler = {
        consumer: 'other.picky',
        event: noteWritten.type,
        async handle(event, tx) {
          const text = (event.data as { text: string }).text;
          await tx.execute(sql`select 1`);
          if (broken && text === 'bad') throw new Error('cannot take bad');
          taken.push(text);
        },
      };
      await start([picky]);
      for (const text of ['one', 'bad', 'three']) await write(text);
      await runtime.drainEvents();
      // The bad event waited its retries, then the consumer moved on.
      expect(taken).toEqual(['one', 'three']);
      expect(await seen()).toEqual(['bad', 'one', 'three']);
      const letters = await listDeadLetters(runtime.database.db);
      expect(letters).toHaveLength(1);
      expect(letters[0]).toMatchObject({ consumer: 'other.picky', attempts: MAX_ATTEMPTS, event: { type: noteWritten.type, data: { text: 'bad' } } });
      expect(letters[0]!.error).toContain('cannot take bad');

      // Still broken: the replay says why and keeps the letter.
      expect(await replayDeadLetters(runtime.database.db, [picky], [letters[0]!.id])).toMatchObject([{ error: 'cannot take bad' }]);
      expect(await listDeadLetters(runtime.database.db)).toHaveLength(1);

      broken = false;
      expect(await replayDeadLetters(runtime.database.db, [picky], 'all')).toEqual([
        { id: letters[0]!.id, consumer: 'other.picky', eventId: letters[0]!.event.id },
      ]);
      expect(taken).toEqual(['one', 'three', 'bad']);
      expect(await listDeadLetters(runtime.database.db)).toEqual([]);
      // A second replay finds nothing; the inbox would have refused a second effect anyway.
      expect(await replayDeadLetters(runtime.database.db, [picky], 'all')).toEqual([]);
    });

    it.skipIf(!broker || testServerUrl() === undefined)(
      "shares the work between two replicas of one database, one aggregate's events still in order and each taken once",
      async () => {
        const order: string[] = [];
        const database = await createTestDatabase();
        const namespace = `t${randomUUID().slice(0, 8)}`;
        const replicas: Runtime[] = [];
        try {
          for (let n = 0; n < 2; n++) {
            replicas.push(
              await createRuntime({
                config: loadConfig({ LOG_LEVEL: 'silent', PEGASE_EVENTS: transport.url!, PEGASE_EVENTS_NAMESPACE: namespace, PEGASE_EVENTS_POLL_MS: '100' }),
                modules: [fixtureModule({ handlers: [recorder('other.order', order)] })],
                database: database.location,
                logger: createLogger('silent'),
                version: 'test',
              }),
            );
          }
          runtime = replicas[0] as TestRuntime;
          await Promise.all(
            [1, 2, 3, 4, 5].map(async (aggregate) => {
              for (let n = 1; n <= 8; n++) await insertEvent(`aggregate-${aggregate}`, `${aggregate}:${n}`);
            }),
          );
          await expect.poll(() => order.length, { timeout: 60_000, interval: 50 }).toBe(40);
          for (const aggregate of [1, 2, 3, 4, 5]) {
            expect(order.filter((entry) => entry.startsWith(`${aggregate}:`)).map((entry) => Number(entry.split(':')[1]))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
          }
          await new Promise((resolve) => setTimeout(resolve, 500));
          expect(order).toHaveLength(40);
        } finally {
          runtime = undefined as unknown as TestRuntime;
          for (const replica of replicas) await replica.close();
          await database.drop();
        }
      },
      90_000,
    );

    // The outage needs the broker that the script started (it stops and restarts it).
    const scripted = broker && transport.url !== undefined && scriptUrl(transport.script!) === transport.url;
    it.skipIf(!scripted)(
      'keeps writing while the broker is down, then delivers every event once to every consumer',
      async () => {
        const other: string[] = [];
        await start([recorder('other.count', other)], true);
        await write('before');
        await expect.poll(seen, { timeout: 30_000, interval: 50 }).toEqual(['before']);

        execFileSync('bash', [transport.script!, 'pause'], { cwd: repository, stdio: 'ignore' });
        try {
          for (let n = 1; n <= 5; n++) await write(`during-${n}`);
          // The relay tried and failed: the outbox holds the events.
          await expect
            .poll(
              async () =>
                (
                  await rowsOf<{ e: string | null }>(
                    runtime.database.db,
                    sql`select last_error as e from pegase_platform.outbox where published_at is null limit 1`,
                  )
                )[0]?.e ?? '',
              { timeout: 20_000, interval: 100 },
            )
            .toContain('relay to');
          expect(await pending()).toBe(5);
        } finally {
          execFileSync('bash', [transport.script!, 'resume'], { cwd: repository, stdio: 'ignore' });
        }
        await write('after');
        const all = ['after', 'before', 'during-1', 'during-2', 'during-3', 'during-4', 'during-5'];
        await expect.poll(seen, { timeout: 60_000, interval: 100 }).toEqual(all);
        await expect.poll(() => [...other].sort(), { timeout: 30_000, interval: 100 }).toEqual(all);
        expect(await pending()).toBe(0);
        // Once: nothing more arrives afterwards.
        await new Promise((resolve) => setTimeout(resolve, 1000));
        expect(await seen()).toEqual(all);
        expect([...other].sort()).toEqual(all);
      },
      120_000,
    );
  });
}

/** The URL of the broker that the script runs, if it runs one. */
function scriptUrl(script: string): string | undefined {
  try {
    return execFileSync('bash', [script, 'url'], {
      cwd: new URL('../../../', import.meta.url).pathname,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

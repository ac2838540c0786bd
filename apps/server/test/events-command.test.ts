import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase, recordDeadLetter, rowsOf, type PegaseEvent } from '@pegase/platform';
import { runPegase } from './run-pegase.ts';

/** Opens the embedded database between two commands (it belongs to one process at a time). */
async function withDatabase<T>(dataDir: string, work: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const database = await openDatabase({ kind: 'pglite', dataDir });
  try {
    return await work(database.db);
  } finally {
    await database.close();
  }
}

describe('pegase events dead-letters', () => {
  it('lists the dead letters, replays one whose consumer now takes it, and says which still fail', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pegase-data-'));
    const site = { PEGASE_DATA_DIR: dataDir, DATABASE_URL: '' };
    expect((await runPegase(['migrate'], site)).code).toBe(0);
    const periodId = randomUUID();
    const event = (type: string, data: unknown): PegaseEvent => ({
      id: randomUUID(),
      type,
      source: 'referential',
      subject: periodId,
      time: new Date().toISOString(),
      data,
      requestId: null,
    });
    const period = {
      id: periodId,
      code: 'DL-2026',
      type: 'year',
      labels: { fr: 'Année lettre morte', en: 'Dead-letter year' },
      startDate: '2026-09-01',
      endDate: '2027-08-31',
    };
    const [good, orphan] = await withDatabase(dataDir, async (db) => [
      await recordDeadLetter(db, 'curriculum.periods', event('referential.period.created', period), 'database was read-only', 5),
      await recordDeadLetter(db, 'retired.consumer', event('referential.period.created', period), 'gone', 5),
    ]);

    const list = await runPegase(['events', 'dead-letters', 'list'], site);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain(`${good}`);
    expect(list.stdout).toContain('curriculum.periods  referential.period.created');
    expect(list.stdout).toContain('5 attempt(s)  database was read-only');
    expect(list.stdout).toContain('2 dead letter(s)');

    const one = await runPegase(['events', 'dead-letters', 'replay', good!], site);
    expect(one.stdout, one.stderr).toContain(`${good}  curriculum.periods  replayed`);
    expect(one.code).toBe(0);
    const periods = await withDatabase(dataDir, (db) => rowsOf<{ code: string }>(db, sql`select code from curriculum.periods where id = ${periodId}`));
    expect(periods).toEqual([{ code: 'DL-2026' }]);

    const rest = await runPegase(['events', 'dead-letters', 'replay', '--all'], site);
    expect(rest.code).toBe(1);
    expect(rest.stdout).toContain(`${orphan}  retired.consumer  failed again: no consumer retired.consumer of referential.period.created`);
    expect(rest.stdout).toContain('0 replayed, 1 failed');
    expect((await runPegase(['events', 'dead-letters'], site)).stdout).toContain('1 dead letter(s)');
  }, 120_000);

  it('says what it expects when called wrong', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pegase-data-'));
    const site = { PEGASE_DATA_DIR: dataDir, DATABASE_URL: '' };
    const wrong = await runPegase(['events', 'dead-letters', 'replay'], site);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('replay takes dead-letter ids, or --all');
    const unknown = await runPegase(['events', 'dead-letters', 'replay', 'not-an-id'], site);
    expect(unknown.stderr).toContain('"not-an-id" is not a dead-letter id');
    expect((await runPegase(['events', 'outbox'], site)).stderr).toContain('say pegase events dead-letters');
  });
});

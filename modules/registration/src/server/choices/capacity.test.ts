import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@pegase/platform';
import type { Cursus } from '../../contract/index.ts';
import { registrationRuntime } from '../../../test/registration-fixture.ts';

/** 200 learners choose the same object of 50 seats at once (on PostgreSQL: the server's pool in parallel). */
describe('capacity under concurrency', () => {
  let f: Awaited<ReturnType<typeof registrationRuntime>>;
  const choosers: Awaited<ReturnType<typeof f.validatedLearner>>[] = [];

  beforeAll(async () => {
    f = await registrationRuntime();
    await f.openWindow(f.info.id);
    for (let i = 0; i < 200; i++) choosers.push(await f.validatedLearner(f.infoL1.id));
    await f.runtime.drainEvents();
  }, 120_000);
  afterAll(async () => f.runtime.close());

  it('places exactly 50 and puts 150 on the waiting list, in the order they came, without an error', async () => {
    const answers = await Promise.all(
      choosers.map(({ enrolment, student }) =>
        f.runtime.request(
          'PUT',
          `/api/registration/v1/me/enrolments/${enrolment.id}/choices`,
          { grouping: f.paths.sport, children: [f.paths.rugby] },
          {},
          student,
        ),
      ),
    );
    // A collision PostgreSQL resolves by refusing one side is a 503 the client retries (the problem says so); none is expected here.
    expect(answers.filter((answer) => answer.statusCode !== 200).map((answer) => answer.body)).toEqual([]);
    const statuses = answers.map((answer) => (answer.json() as Cursus).entries.find((entry) => entry.path === f.paths.rugby)!.status);
    expect(statuses.filter((status) => status === 'registered')).toHaveLength(50);
    expect(statuses.filter((status) => status === 'waiting')).toHaveLength(150);
    const [seats] = await rowsOf<{ taken: number; holders: number; waiting: number }>(
      f.runtime.database.db,
      sql`select s.taken,
                 (select count(*)::int from registration.entries e where e.object_id = s.object_id and e.holds_seat) as holders,
                 (select count(*)::int from registration.entries e where e.object_id = s.object_id and e.status = 'waiting') as waiting
            from registration.seats s where s.object_id = ${f.rugby.id}`,
    );
    expect(seats).toEqual({ taken: 50, holders: 50, waiting: 150 });
    // Ranks 1 to 150, each once.
    const ranks = answers
      .map((answer) => (answer.json() as Cursus).entries.find((entry) => entry.path === f.paths.rugby)!)
      .filter((entry) => entry.status === 'waiting');
    const fresh = await Promise.all(
      choosers.slice(0, 200).map(async ({ enrolment, student }) => {
        const response = await f.runtime.request('GET', `/api/registration/v1/me/enrolments/${enrolment.id}/cursus`, undefined, {}, student);
        return (response.json() as Cursus).entries.find((entry) => entry.path === f.paths.rugby)!;
      }),
    );
    expect(ranks).toHaveLength(150);
    expect(
      fresh
        .filter((entry) => entry.status === 'waiting')
        .map((entry) => entry.waitingRank)
        .sort((a, b) => a! - b!),
    ).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
  });
});

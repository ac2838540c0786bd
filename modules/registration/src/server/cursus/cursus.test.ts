import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@pegase/platform';
import type { Cursus } from '../../contract/index.ts';
import { registrationRuntime, staffOf } from '../../../test/registration-fixture.ts';

describe('the cursus over HTTP', () => {
  let f: Awaited<ReturnType<typeof registrationRuntime>>;
  const staff = staffOf('UFR-S');
  const outsider = staffOf('UFR-L');
  const myCursus = async (enrolmentId: string, as: Parameters<typeof f.runtime.request>[4]) => {
    const response = await f.runtime.request('GET', `/api/registration/v1/me/enrolments/${enrolmentId}/cursus`, undefined, {}, as);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Cursus;
  };
  const choose = (enrolmentId: string, grouping: string, children: string[], as: Parameters<typeof f.runtime.request>[4], me = true) =>
    f.runtime.request('PUT', `/api/registration/v1/${me ? 'me/' : ''}enrolments/${enrolmentId}/choices`, { grouping, children }, {}, as);
  const seatsTaken = async (objectId: string) =>
    (await rowsOf<{ taken: number }>(f.runtime.database.db, sql`select taken from registration.seats where object_id = ${objectId}`))[0]?.taken;

  beforeAll(async () => {
    f = await registrationRuntime();
  });
  afterAll(async () => f.runtime.close());

  it('builds the cursus of a validated enrolment: the point and everything below it outside groupings, whose children are left for choice', async () => {
    const { enrolment, student } = await f.validatedLearner(f.infoL1.id);
    await f.runtime.drainEvents();
    const cursus = await myCursus(enrolment.id, student);
    expect(cursus.entries.map((entry) => [entry.path, entry.kind, entry.status])).toEqual([
      ['LIC-INFO>LIC-INFO-L1', 'point', 'registered'],
      ['LIC-INFO>LIC-INFO-L1>S1', 'mandatory', 'registered'],
      ['LIC-INFO>LIC-INFO-L1>S1>UE-FOND', 'mandatory', 'registered'],
      ['LIC-INFO>LIC-INFO-L1>S1>UE-FOND>ALGO', 'mandatory', 'registered'],
      [f.paths.opt, 'mandatory', 'registered'],
      [f.paths.sport, 'mandatory', 'registered'],
    ]);
    const opt = cursus.groupings.find((grouping) => grouping.path === f.paths.opt)!;
    expect([opt.min, opt.max, opt.chosen]).toEqual([1, 2, []]);
    expect(opt.options.map((option) => [option.code, option.openForChoice, option.capacity, option.remainingSeats])).toEqual([
      ['ESPAGNOL', true, 2, 2],
      ['ALLEMAND', true, null, null],
      ['CHINOIS', false, null, null],
    ]);
    expect(cursus.window).toBeNull();
    // Nobody else's: 404 for another student, 403 for staff of another structure.
    const other = await f.validatedLearner(f.infoL1.id);
    await f.runtime.drainEvents();
    expect((await f.runtime.request('GET', `/api/registration/v1/me/enrolments/${enrolment.id}/cursus`, undefined, {}, other.student)).statusCode).toBe(404);
    expect((await f.runtime.request('GET', `/api/registration/v1/enrolments/${enrolment.id}/cursus`, undefined, {}, outsider)).statusCode).toBe(403);
    expect((await f.runtime.request('GET', `/api/registration/v1/enrolments/${enrolment.id}/cursus`, undefined, {}, staff)).statusCode).toBe(200);
  });

  it('lets a student choose only while the window is open; staff at any time', async () => {
    const { enrolment, student } = await f.validatedLearner(f.infoL1.id);
    await f.runtime.drainEvents();
    const none = await choose(enrolment.id, f.paths.opt, [f.paths.german], student);
    expect(none.statusCode).toBe(409);
    expect(none.json().type).toBe('urn:pegase:problem:choice-window-closed');
    await f.openWindow(f.info.id, false);
    const closed = await choose(enrolment.id, f.paths.opt, [f.paths.german], student);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().detail).toMatch(/closed on/);
    const byStaff = await choose(enrolment.id, f.paths.opt, [f.paths.german], staff, false);
    expect(byStaff.statusCode, byStaff.body).toBe(200);
    expect((byStaff.json() as Cursus).entries.find((entry) => entry.path === f.paths.german)).toMatchObject({
      kind: 'chosen',
      status: 'registered',
      chosenBy: 'staff',
    });
    await f.openWindow(f.info.id);
    const open = await choose(enrolment.id, f.paths.opt, [f.paths.german, f.paths.spanish], student);
    expect(open.statusCode, open.body).toBe(200);
    expect((open.json() as Cursus).groupings.find((grouping) => grouping.path === f.paths.opt)!.chosen.sort()).toEqual(
      [f.paths.german, f.paths.spanish].sort(),
    );
  });

  it('enforces the range of a grouping and refuses a closed object, saying which and why', async () => {
    await f.openWindow(f.info.id);
    const { enrolment, student } = await f.validatedLearner(f.infoL1.id);
    await f.runtime.drainEvents();
    const tooFew = await choose(enrolment.id, f.paths.opt, [], student);
    expect(tooFew.statusCode).toBe(422);
    expect(tooFew.json().detail).toBe('The grouping OPT takes from 1 to 2 choices; 0 given.');
    const tooMany = await choose(enrolment.id, f.paths.opt, [f.paths.german, f.paths.spanish, f.paths.chinese], student);
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json().errors.map((error: { message: string }) => error.message)).toEqual([
      'CHINOIS is closed to choice: it cannot be chosen.',
      'The grouping OPT takes from 1 to 2 choices; 3 given.',
    ]);
    const stranger = await choose(enrolment.id, f.paths.opt, [f.paths.spanishM], student);
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().errors[0].field).toBe('/children/0');
    const notGrouping = await choose(enrolment.id, 'LIC-INFO>LIC-INFO-L1>S1>UE-FOND', [], student);
    expect(notGrouping.json().type).toBe('urn:pegase:problem:not-a-grouping');
    expect((await myCursus(enrolment.id, student)).entries.filter((entry) => entry.kind === 'chosen')).toEqual([]);
  });

  it('puts the learners beyond the capacity on a waiting list; a cancelled enrolment frees its seat, offered to the first in line', async () => {
    await f.openWindow(f.info.id);
    await f.openWindow(f.math.id);
    // The seats of ESPAGNOL are shared by its two paths (LIC-INFO and LIC-MATH): two in all, whoever takes them.
    const taken = (await seatsTaken(f.spanish.id))!;
    const learners = [];
    for (let i = taken; i < 2; i++) learners.push(await f.validatedLearner(f.infoL1.id));
    const mathLearner = await f.validatedLearner(f.mathL1.id);
    const first = await f.validatedLearner(f.infoL1.id);
    const second = await f.validatedLearner(f.infoL1.id);
    await f.runtime.drainEvents();
    for (const { enrolment, student } of learners) expect((await choose(enrolment.id, f.paths.opt, [f.paths.spanish], student)).statusCode).toBe(200);
    expect(await seatsTaken(f.spanish.id)).toBe(2);
    const viaMath = await choose(mathLearner.enrolment.id, f.paths.optM, [f.paths.spanishM], mathLearner.student);
    expect(viaMath.statusCode, viaMath.body).toBe(200);
    expect((viaMath.json() as Cursus).entries.find((entry) => entry.path === f.paths.spanishM)).toMatchObject({ status: 'waiting', waitingRank: 1 });
    const one = (await choose(first.enrolment.id, f.paths.opt, [f.paths.spanish], first.student)).json() as Cursus;
    const two = (await choose(second.enrolment.id, f.paths.opt, [f.paths.spanish], second.student)).json() as Cursus;
    expect(one.entries.find((entry) => entry.path === f.paths.spanish)).toMatchObject({ status: 'waiting', waitingRank: 2 });
    expect(two.entries.find((entry) => entry.path === f.paths.spanish)).toMatchObject({ status: 'waiting', waitingRank: 3 });
    expect(two.groupings.find((grouping) => grouping.path === f.paths.opt)!.options.find((option) => option.code === 'ESPAGNOL')).toMatchObject({
      remainingSeats: 0,
      waiting: 3,
    });

    // A holder's enrolment is cancelled: the seat goes to the first in line (the LIC-MATH learner), held for them.
    const holder = learners[0] ?? (await f.validatedLearner(f.infoL1.id));
    await f.call('POST', `/api/enrolment/v1/enrolments/${holder.enrolment.id}/cancel`, { reason: 'Abandon' }, 200);
    await f.runtime.drainEvents();
    const gone = await f.runtime.request('GET', `/api/registration/v1/me/enrolments/${holder.enrolment.id}/cursus`, undefined, {}, holder.student);
    expect(gone.statusCode).toBe(409);
    expect(gone.json().detail).toMatch(/is cancelled/);
    const offered = (await myCursus(mathLearner.enrolment.id, mathLearner.student)).entries.find((entry) => entry.path === f.paths.spanishM)!;
    expect(offered.status).toBe('offered');
    expect(Date.now() - Date.parse(offered.offeredAt!)).toBeLessThan(60_000);
    expect(await seatsTaken(f.spanish.id)).toBe(2);
    // They decline: the next in line is offered it, and accepts.
    const declined = await f.runtime.request(
      'POST',
      `/api/registration/v1/me/enrolments/${mathLearner.enrolment.id}/offers`,
      { path: f.paths.spanishM, accept: false },
      {},
      mathLearner.student,
    );
    expect(declined.statusCode, declined.body).toBe(200);
    expect((await myCursus(first.enrolment.id, first.student)).entries.find((entry) => entry.path === f.paths.spanish)).toMatchObject({ status: 'offered' });
    const accepted = await f.runtime.request(
      'POST',
      `/api/registration/v1/me/enrolments/${first.enrolment.id}/offers`,
      { path: f.paths.spanish, accept: true },
      {},
      first.student,
    );
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect((accepted.json() as Cursus).entries.find((entry) => entry.path === f.paths.spanish)).toMatchObject({ status: 'registered' });
    expect((await myCursus(second.enrolment.id, second.student)).entries.find((entry) => entry.path === f.paths.spanish)).toMatchObject({
      status: 'waiting',
      waitingRank: 1,
    });
    const again = await f.runtime.request(
      'POST',
      `/api/registration/v1/me/enrolments/${first.enrolment.id}/offers`,
      { path: f.paths.spanish, accept: true },
      {},
      first.student,
    );
    expect(again.statusCode).toBe(409);
    expect(await seatsTaken(f.spanish.id)).toBe(2);
  });

  it('announces every change of a cursus, whole', async () => {
    const events = await rowsOf<{ type: string; data: { entries: unknown[] } }>(
      f.runtime.database.db,
      sql`select type, data from pegase_platform.outbox where type like 'registration.%' order by position`,
    );
    expect(events.some((event) => event.type === 'registration.cursus.changed' && event.data.entries.length >= 6)).toBe(true);
    expect(events.some((event) => event.type === 'registration.seat.offered')).toBe(true);
    expect(events.some((event) => event.type === 'registration.cursus.changed' && event.data.entries.length === 0)).toBe(true);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassList, Group, SplitReport } from '../../contract/index.ts';
import { registrationRuntime, staffOf } from '../../../test/registration-fixture.ts';

describe('teaching groups and class lists', () => {
  let f: Awaited<ReturnType<typeof registrationRuntime>>;
  let algoId: string;
  const algo = 'LIC-INFO>LIC-INFO-L1>S1>UE-FOND>ALGO';
  const staff = staffOf('UFR-S');
  const learners: Awaited<ReturnType<typeof f.validatedLearner>>[] = [];
  const groups: Record<string, Group> = {};
  const api = (method: string, url: string, body?: unknown, as = staff) => f.runtime.request(method, `/api/registration/v1${url}`, body, {}, as);

  beforeAll(async () => {
    f = await registrationRuntime();
    for (let i = 0; i < 5; i++) learners.push(await f.validatedLearner(f.infoL1.id));
    await f.runtime.drainEvents();
    const cursus = (await api('GET', `/enrolments/${learners[0]!.enrolment.id}/cursus`)).json();
    algoId = cursus.entries.find((entry: { path: string }) => entry.path === algo).objectId;
  });
  afterAll(async () => f.runtime.close());

  it('creates groups with a capacity and splits the learners evenly, within the capacities', async () => {
    for (const code of ['TD1', 'TD2']) {
      const created = await api('POST', `/objects/${algoId}/groups`, { kind: 'TD', code, capacity: 2 });
      expect(created.statusCode, created.body).toBe(201);
      groups[code] = created.json();
    }
    expect((await api('POST', `/objects/${algoId}/groups`, { kind: 'TD', code: 'TD1' })).statusCode).toBe(409);
    const split = await api('POST', `/objects/${algoId}/groups/split`, { kind: 'TD' });
    expect(split.statusCode, split.body).toBe(200);
    const report = split.json() as SplitReport;
    expect([report.placed, report.unplaced, report.groups.map((group) => [group.code, group.members])]).toEqual([
      4,
      1,
      [
        ['TD1', 2],
        ['TD2', 2],
      ],
    ]);
    // Staff of another structure see nothing of it.
    expect((await api('GET', `/objects/${algoId}/groups`, undefined, staffOf('UFR-L'))).statusCode).toBe(403);
  });

  it('refuses a placement in a full group, and moves a learner between groups of a kind', async () => {
    const list = (await api('GET', `/objects/${algoId}/class-list`)).json() as ClassList;
    const unplaced = list.members.find((member) => member.groups.length === 0)!;
    const full = await api('POST', `/groups/${groups['TD1']!.id}/members`, { enrolmentId: unplaced.enrolmentId, path: algo });
    expect(full.statusCode).toBe(409);
    expect(full.json().type).toBe('urn:pegase:problem:group-full');
    const inTd2 = list.members.find((member) => member.groups.includes('TD2'))!;
    expect((await api('POST', `/groups/${groups['TD2']!.id}/members/remove`, { enrolmentId: inTd2.enrolmentId, path: algo })).statusCode).toBe(200);
    const placed = await api('POST', `/groups/${groups['TD2']!.id}/members`, { enrolmentId: unplaced.enrolmentId, path: algo });
    expect(placed.statusCode, placed.body).toBe(200);
    expect((placed.json() as Group).members).toBe(2);
    const notFollowing = await api('POST', `/groups/${groups['TD2']!.id}/members`, { enrolmentId: unplaced.enrolmentId, path: 'LIC-INFO>LIC-INFO-L1>S1' });
    expect(notFollowing.statusCode).toBe(422);
  });

  it('gives the class list of the object or of one group, as JSON and as CSV for a spreadsheet', async () => {
    const td1 = (await api('GET', `/objects/${algoId}/class-list?groupId=${groups['TD1']!.id}`)).json() as ClassList;
    expect(td1.members).toHaveLength(2);
    expect(td1.members.every((member) => member.groups.includes('TD1'))).toBe(true);
    const csv = await api('GET', `/objects/${algoId}/class-list?format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Numéro;Nom;Nom d’usage;Prénoms;Chemin;Groupes;Dispensé');
    expect(lines).toHaveLength(6);
    expect(lines.filter((line) => line.includes(';TD1;') || line.includes(';TD2;'))).toHaveLength(4);
  });

  it('counts a shared course once per path: one seat for each learner, each listed under the path they chose it in', async () => {
    const info = learners[1]!;
    const math = await f.validatedLearner(f.mathL1.id);
    await f.runtime.drainEvents();
    expect((await api('PUT', `/enrolments/${info.enrolment.id}/choices`, { grouping: f.paths.opt, children: [f.paths.spanish] })).statusCode).toBe(200);
    expect((await api('PUT', `/enrolments/${math.enrolment.id}/choices`, { grouping: f.paths.optM, children: [f.paths.spanishM] })).statusCode).toBe(200);
    const all = (await api('GET', `/objects/${f.spanish.id}/class-list`)).json() as ClassList;
    expect(all.members.map((member) => member.path).sort()).toEqual([f.paths.spanishM, f.paths.spanish].sort());
    for (const path of [f.paths.spanish, f.paths.spanishM]) {
      const one = (await api('GET', `/objects/${f.spanish.id}/class-list?path=${encodeURIComponent(path)}`)).json() as ClassList;
      expect(one.members.map((member) => member.enrolmentId)).toEqual([path === f.paths.spanish ? info.enrolment.id : math.enrolment.id]);
    }
    // Its two seats are taken, one through each path: a third learner waits, whichever path they choose it in.
    const third = await f.validatedLearner(f.mathL1.id);
    await f.runtime.drainEvents();
    const waiting = await api('PUT', `/enrolments/${third.enrolment.id}/choices`, { grouping: f.paths.optM, children: [f.paths.spanishM] });
    expect(waiting.json().entries.find((entry: { path: string }) => entry.path === f.paths.spanishM).status).toBe('waiting');
  });

  it('renames a group or changes its capacity, never below its members, and deletes one', async () => {
    const extra = (await api('POST', `/objects/${algoId}/groups`, { kind: 'TP', code: 'TP1', capacity: 3 })).json() as Group;
    const list = (await api('GET', `/objects/${algoId}/class-list`)).json() as ClassList;
    for (const member of list.members.slice(0, 2))
      expect((await api('POST', `/groups/${extra.id}/members`, { enrolmentId: member.enrolmentId, path: algo })).statusCode).toBe(200);
    const tooSmall = await api('PATCH', `/groups/${extra.id}`, { capacity: 1 });
    expect(tooSmall.statusCode).toBe(409);
    expect(tooSmall.json().type).toBe('urn:pegase:problem:group-too-small');
    const renamed = await api('PATCH', `/groups/${extra.id}`, { code: 'TP-A', capacity: 2 });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ code: 'TP-A', capacity: 2, members: 2 });
    expect((await api('PATCH', `/groups/${extra.id}`, { code: 'TD1' })).statusCode).toBe(409);
    expect((await api('DELETE', `/groups/${extra.id}`)).statusCode).toBe(204);
    const after = (await api('GET', `/objects/${algoId}/class-list`)).json() as ClassList;
    expect(after.members.some((member) => member.groups.includes('TP-A'))).toBe(false);
  });

  it('tells an exempted learner from one who acquired the course earlier, in the list and its CSV', async () => {
    const list = (await api('GET', `/objects/${algoId}/class-list`)).json() as ClassList;
    const [first, second] = list.members;
    expect((await api('PUT', `/enrolments/${first!.enrolmentId}/exemptions`, { path: algo, reason: 'Sportive de haut niveau' })).statusCode).toBe(200);
    expect((await api('PUT', `/enrolments/${second!.enrolmentId}/carried-credits`, { path: algo, mark: '12.5', fromPeriod: '2025-2026' })).statusCode).toBe(
      200,
    );
    const members = ((await api('GET', `/objects/${algoId}/class-list`)).json() as ClassList).members;
    const of = (id: string) => members.find((member) => member.enrolmentId === id)!;
    expect([of(first!.enrolmentId).exempted, of(first!.enrolmentId).carriedOver]).toEqual([true, false]);
    expect([of(second!.enrolmentId).exempted, of(second!.enrolmentId).carriedOver]).toEqual([false, true]);
    const csv = (await api('GET', `/objects/${algoId}/class-list?format=csv`)).body;
    expect(csv).toContain(';oui\r\n');
    expect(csv).toContain(';acquis\r\n');
  });

  it('takes a learner out of their groups when their enrolment is cancelled', async () => {
    const list = (await api('GET', `/objects/${algoId}/class-list?groupId=${groups['TD1']!.id}`)).json() as ClassList;
    await f.call('POST', `/api/enrolment/v1/enrolments/${list.members[0]!.enrolmentId}/cancel`, { reason: 'Abandon' }, 200);
    await f.runtime.drainEvents();
    const after = (await api('GET', `/objects/${algoId}/groups`)).json() as Group[];
    expect(after.find((group) => group.code === 'TD1')!.members).toBe(1);
  });
});

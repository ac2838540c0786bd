import { describe, expect, it } from 'vitest';
import type { CursusEntry } from '../registration-api.ts';
import { choiceFieldErrors, countFits, domId, entryTree, groupingsToChoose, isSingleChoice, mayTick, ruleOf, seatsOf, windowState } from './choices.ts';
import { fromLocalInput, toLocalInput } from './dates.ts';

/** An entry with what these helpers read (the API's entry carries more). */
const entry = (path: string, extra: Partial<CursusEntry> = {}): CursusEntry =>
  ({
    path,
    parentPath: path.includes('>') ? path.slice(0, path.lastIndexOf('>')) : null,
    objectId: path,
    code: path.split('>').at(-1)!,
    labels: { fr: path, en: null },
    type: 'ec',
    ects: null,
    kind: 'mandatory',
    status: 'registered',
    waitingRank: null,
    chosenBy: null,
    ...extra,
  }) as CursusEntry;

describe('course choices, as the pages read them', () => {
  it('say where the choice window stands', () => {
    const now = new Date('2026-09-10T12:00:00Z');
    const window = { formationId: 'f', opensAt: '2026-09-01T00:00:00Z', closesAt: '2026-09-20T00:00:00Z' };
    expect(windowState(null, now)).toBe('unset');
    expect(windowState({ ...window, open: true }, now)).toBe('open');
    expect(windowState({ ...window, opensAt: '2026-09-15T00:00:00Z', open: false }, now)).toBe('upcoming');
    expect(windowState({ ...window, closesAt: '2026-09-05T00:00:00Z', open: false }, now)).toBe('closed');
  });

  it('word the rule of a grouping and check a count against it', () => {
    expect(ruleOf({ min: 1, max: 1 })).toEqual({ key: 'exactly', values: { count: 1 } });
    expect(ruleOf({ min: 0, max: 2 })).toEqual({ key: 'upTo', values: { count: 2 } });
    expect(ruleOf({ min: 1, max: 2 })).toEqual({ key: 'range', values: { min: 1, max: 2 } });
    expect(countFits({ min: 1, max: 2 }, 0)).toBe(false);
    expect(countFits({ min: 1, max: 2 }, 2)).toBe(true);
    expect(countFits({ min: 1, max: 2 }, 3)).toBe(false);
    expect(isSingleChoice({ max: 1 })).toBe(true);
    expect(isSingleChoice({ max: 2 })).toBe(false);
  });

  it('tell the seats left, full with its waiting list, or no limit', () => {
    expect(seatsOf({ capacity: null, remainingSeats: null, waiting: 0 })).toEqual({ kind: 'unlimited' });
    expect(seatsOf({ capacity: 30, remainingSeats: 3, waiting: 0 })).toEqual({ kind: 'left', count: 3 });
    expect(seatsOf({ capacity: 30, remainingSeats: 0, waiting: 12 })).toEqual({ kind: 'full', waiting: 12 });
  });

  it('let a closed object be kept, not newly ticked', () => {
    expect(mayTick({ path: 'A', openForChoice: true }, [])).toBe(true);
    expect(mayTick({ path: 'A', openForChoice: false }, [])).toBe(false);
    expect(mayTick({ path: 'A', openForChoice: false }, ['A'])).toBe(true);
  });

  it('place the API’s errors on the children sent and on the count', () => {
    const errors = choiceFieldErrors(
      [
        { field: '/children/1', message: 'CHINOIS is closed to choice: it cannot be chosen.' },
        { field: '/children/0', message: 'X>Y is not a child of the grouping OPT (X>OPT).' },
        { field: '/children', message: 'The grouping OPT takes exactly 1 choices; 2 given.' },
        { field: '/children/7', message: 'beyond what was sent' },
      ],
      ['X>Y', 'X>OPT>CHINOIS'],
    );
    expect([...errors.options]).toEqual([
      ['X>OPT>CHINOIS', 'closed'],
      ['X>Y', 'notChild'],
    ]);
    expect(errors.count).toBe(true);
    expect(choiceFieldErrors(undefined, [])).toEqual({ options: new Map(), count: false });
  });

  it('build the tree of the cursus, parents before children', () => {
    const tree = entryTree([
      entry('F>L1', { kind: 'point' }),
      entry('F>L1>S1'),
      entry('F>L1>S1>OPT'),
      entry('F>L1>S1>OPT>ES', { kind: 'chosen' }),
      entry('F>L1>S2'),
    ]);
    expect(tree).toHaveLength(1);
    expect(tree[0]!.children.map((node) => node.entry.code)).toEqual(['S1', 'S2']);
    expect(tree[0]!.children[0]!.children[0]!.children[0]!.entry.code).toBe('ES');
  });

  it('count the groupings still to choose in', () => {
    const grouping = { path: 'G', code: 'G', labels: { fr: 'G', en: null }, options: [] };
    expect(
      groupingsToChoose([
        { ...grouping, min: 1, max: 1, chosen: [] },
        { ...grouping, min: 0, max: 1, chosen: [] },
        { ...grouping, min: 1, max: 2, chosen: ['G>A'] },
      ]),
    ).toHaveLength(1);
  });

  it('make ids a page can use from paths', () => {
    expect(domId('0b6f-12', 'LIC-INFO>L1>OPT')).toBe('r0b6f-12-LIC-INFO_L1_OPT');
    expect(domId('e', 'A>B')).not.toBe(domId('e', 'A>C'));
  });

  it('read and write the date fields in the device’s time', () => {
    const iso = fromLocalInput('2026-09-01T08:30')!;
    expect(toLocalInput(iso)).toBe('2026-09-01T08:30');
    expect(fromLocalInput('')).toBeUndefined();
    expect(fromLocalInput('demain')).toBeUndefined();
  });
});

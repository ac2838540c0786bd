import type { ChoiceOption, ChoiceWindow, CursusEntry, CursusGrouping } from '../registration-api.ts';

/** Where a choice window stands for students: not set, not open yet, open, or closed. */
export type WindowState = 'unset' | 'upcoming' | 'open' | 'closed';

/** The server says whether the window is open (its clock); the dates say which side of it a closed one is. */
export function windowState(window: ChoiceWindow | null, now: Date = new Date()): WindowState {
  if (window === null) return 'unset';
  if (window.open) return 'open';
  return now < new Date(window.opensAt) ? 'upcoming' : 'closed';
}

/** The rule of a grouping, as a key of `rule.*` and its values: « exactement 1 », « jusqu’à 2, ou aucun », « de 1 à 2 ». */
export function ruleOf(grouping: Pick<CursusGrouping, 'min' | 'max'>): { key: 'exactly' | 'upTo' | 'range'; values: Record<string, number> } {
  if (grouping.min === grouping.max) return { key: 'exactly', values: { count: grouping.min } };
  if (grouping.min === 0) return { key: 'upTo', values: { count: grouping.max } };
  return { key: 'range', values: { min: grouping.min, max: grouping.max } };
}

/** Whether as many children as `count` fit the grouping's range. */
export function countFits(grouping: Pick<CursusGrouping, 'min' | 'max'>, count: number): boolean {
  return count >= grouping.min && count <= grouping.max;
}

/** One child per choice (radios, with « none » when it may be left empty) or several (check boxes). */
export function isSingleChoice(grouping: Pick<CursusGrouping, 'max'>): boolean {
  return grouping.max === 1;
}

/** The seats of an option: no limit, some left, or full (with its waiting list). */
export type Seats = { kind: 'unlimited' } | { kind: 'left'; count: number } | { kind: 'full'; waiting: number };

export function seatsOf(option: Pick<ChoiceOption, 'capacity' | 'remainingSeats' | 'waiting'>): Seats {
  if (option.capacity === null || option.remainingSeats === null) return { kind: 'unlimited' };
  if (option.remainingSeats > 0) return { kind: 'left', count: option.remainingSeats };
  return { kind: 'full', waiting: option.waiting };
}

/**
 * Whether an option may be ticked: an object closed to choice may not be
 * newly chosen, but one chosen before it closed may stay (the API agrees).
 */
export function mayTick(option: Pick<ChoiceOption, 'openForChoice' | 'path'>, saved: readonly string[]): boolean {
  return option.openForChoice || saved.includes(option.path);
}

/** What the API said about a choice, placed where the person reads it: beside an option, beside the group, or above the form. */
export interface ChoiceFieldErrors {
  /** By option path: `closed` (closed to choice) or `notChild` (not one of the grouping's children). */
  options: Map<string, 'closed' | 'notChild'>;
  /** The number of children does not fit the range. */
  count: boolean;
}

/**
 * The field errors of a refused choice (`invalid-choice`): one per
 * `/children/N` (the N-th path sent) and one for `/children` (the count).
 * The API words them in English; the kind is read from the words.
 */
export function choiceFieldErrors(errors: readonly { field?: string; message: string }[] | undefined, sent: readonly string[]): ChoiceFieldErrors {
  const result: ChoiceFieldErrors = { options: new Map(), count: false };
  for (const error of errors ?? []) {
    if (error.field === '/children') {
      result.count = true;
      continue;
    }
    const index = /^\/children\/(\d+)$/.exec(error.field ?? '')?.[1];
    const path = index === undefined ? undefined : sent[Number(index)];
    if (path !== undefined) result.options.set(path, /closed/i.test(error.message) ? 'closed' : 'notChild');
  }
  return result;
}

/** A node of the cursus as a tree: an entry and what it holds. */
export interface EntryNode {
  entry: CursusEntry;
  children: EntryNode[];
}

/** The entries (parents before children) as a tree; an entry whose parent is not in the cursus starts a tree of its own. */
export function entryTree(entries: readonly CursusEntry[]): EntryNode[] {
  const nodes = new Map<string, EntryNode>();
  const roots: EntryNode[] = [];
  for (const entry of entries) {
    const node: EntryNode = { entry, children: [] };
    nodes.set(entry.path, node);
    const parent = entry.parentPath === null ? undefined : nodes.get(entry.parentPath);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The learner's own entries for the children of a grouping, by path (their status). */
export function chosenEntries(entries: readonly CursusEntry[], grouping: Pick<CursusGrouping, 'path'>): Map<string, CursusEntry> {
  return new Map(entries.filter((entry) => entry.parentPath === grouping.path).map((entry) => [entry.path, entry]));
}

/** The enrolment point's entry, which names the cursus. */
export function pointOf(entries: readonly CursusEntry[]): CursusEntry | undefined {
  return entries.find((entry) => entry.kind === 'point');
}

/** Groupings whose choice is not made yet: fewer children than their minimum. */
export function groupingsToChoose(groupings: readonly CursusGrouping[]): CursusGrouping[] {
  return groupings.filter((grouping) => grouping.chosen.length < grouping.min);
}

/** A DOM id from a path (codes joined by ">"), stable and unique within a page when prefixed by the enrolment. */
export function domId(...parts: string[]): string {
  return parts
    .join('-')
    .replace(/[^A-Za-z0-9_-]+/g, '_')
    .replace(/^([^A-Za-z])/, 'r$1');
}

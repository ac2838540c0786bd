export interface GroupRoom {
  code: string;
  capacity: number | null;
  members: number;
}

/**
 * Which group each of `count` learners joins, in their order: always the
 * group with the fewest members that still has room (the first by code on a
 * tie), so that groups end up as even as their capacities allow. Learners
 * beyond every capacity get no group (undefined).
 */
export function splitEvenly(groups: GroupRoom[], count: number): (number | undefined)[] {
  const sizes = groups.map((group) => group.members);
  const order = groups.map((_, index) => index).sort((a, b) => groups[a]!.code.localeCompare(groups[b]!.code));
  const placed: (number | undefined)[] = [];
  for (let learner = 0; learner < count; learner++) {
    let best: number | undefined;
    for (const index of order) {
      const capacity = groups[index]!.capacity;
      if (capacity !== null && sizes[index]! >= capacity) continue;
      if (best === undefined || sizes[index]! < sizes[best]!) best = index;
    }
    if (best !== undefined) sizes[best]!++;
    placed.push(best);
  }
  return placed;
}

import { describe, expect, it } from 'vitest';
import { splitEvenly } from './balanced-split.ts';

const sizesAfter = (groups: { code: string; capacity: number | null; members: number }[], count: number) => {
  const sizes = groups.map((group) => group.members);
  for (const index of splitEvenly(groups, count)) if (index !== undefined) sizes[index]!++;
  return sizes;
};

describe('an even split into groups', () => {
  it('fills the emptiest group first, the first by code on a tie', () => {
    expect(
      splitEvenly(
        [
          { code: 'TD2', capacity: null, members: 0 },
          { code: 'TD1', capacity: null, members: 0 },
        ],
        3,
      ),
    ).toEqual([1, 0, 1]);
  });

  it('evens out groups that were already unequal', () => {
    expect(
      sizesAfter(
        [
          { code: 'TD1', capacity: 30, members: 10 },
          { code: 'TD2', capacity: 30, members: 2 },
          { code: 'TD3', capacity: 30, members: 0 },
        ],
        20,
      ),
    ).toEqual([11, 11, 10]);
  });

  it('respects each capacity and leaves the rest without a group', () => {
    const placed = splitEvenly(
      [
        { code: 'TP1', capacity: 2, members: 0 },
        { code: 'TP2', capacity: 3, members: 1 },
      ],
      6,
    );
    expect(placed.filter((index) => index === undefined)).toHaveLength(2);
    expect(
      sizesAfter(
        [
          { code: 'TP1', capacity: 2, members: 0 },
          { code: 'TP2', capacity: 3, members: 1 },
        ],
        6,
      ),
    ).toEqual([2, 3]);
  });
});

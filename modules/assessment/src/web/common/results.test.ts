import { describe, expect, it } from 'vitest';
import type { JuryResult } from '../assessment-api.ts';
import { filterResults, pageOf, sortResults } from './results.ts';

const result = (learnerCode: string, familyName: string, mark: string | null, rank: number | null, decision: string) =>
  ({ learnerCode, familyName, givenNames: 'A', mark, rank, decision }) as JuryResult;

describe('a jury’s results table', () => {
  const results = [
    result('P3', 'Chevalier', '9.500', 3, 'AJ'),
    result('P1', 'Arnaud', '14.000', 1, 'ADM'),
    result('P4', 'Dumas', null, null, 'DEF'),
    result('P2', 'Bertin', '9.500', 2, 'AJ'),
    result('P5', 'Esnault', '12.250', 2, 'ADM'),
  ];
  const codes = (rows: JuryResult[]) => rows.map((row) => row.learnerCode);

  it('sorts by rank (none last, ties by name), by mark exactly, by name or decision, either way', () => {
    expect(codes(sortResults(results, undefined))).toEqual(['P1', 'P2', 'P5', 'P3', 'P4']);
    expect(codes(sortResults(results, 'mark'))).toEqual(['P4', 'P2', 'P3', 'P5', 'P1']);
    expect(codes(sortResults(results, '-mark'))).toEqual(['P1', 'P5', 'P3', 'P2', 'P4']);
    expect(codes(sortResults(results, 'name'))).toEqual(['P1', 'P2', 'P3', 'P4', 'P5']);
    expect(codes(sortResults(results, 'decision'))).toEqual(['P1', 'P5', 'P2', 'P3', 'P4']);
  });

  it('filters by decision and by a text in the number or the name', () => {
    expect(codes(filterResults(results, { decision: 'AJ' }))).toEqual(['P3', 'P2']);
    expect(codes(filterResults(results, { text: 'dum' }))).toEqual(['P4']);
    expect(codes(filterResults(results, { text: 'p5' }))).toEqual(['P5']);
    expect(filterResults(results, {})).toHaveLength(5);
  });

  it('pages rows read whole', () => {
    expect(pageOf([1, 2, 3], { limit: 2 })).toEqual({ items: [1, 2], nextCursor: '2' });
    expect(pageOf([1, 2, 3], { limit: 2, cursor: '2' })).toEqual({ items: [3], nextCursor: null });
  });
});

import type { JuryResult } from '../assessment-api.ts';

export type ResultSort = 'rank' | 'name' | 'code' | 'mark' | 'decision';

const compareText = (a: string, b: string) => a.localeCompare(b, 'fr', { sensitivity: 'base', numeric: true });
const byName = (a: JuryResult, b: JuryResult) =>
  compareText(a.familyName, b.familyName) || compareText(a.givenNames, b.givenNames) || compareText(a.learnerCode, b.learnerCode);
/** Thousandths of an exact decimal ("12.500" → 12500), to compare marks without floats; no mark is below every mark. */
const thousandths = (mark: string | null) => {
  if (mark === null) return -1;
  const [whole = '0', decimals = ''] = mark.split('.');
  return Number(whole) * 1000 + Number(decimals.padEnd(3, '0').slice(0, 3));
};

/**
 * A jury's results sorted as asked (`rank`, `name`, `code`, `mark`,
 * `decision`; `-` first for descending): by rank, learners without one
 * come last; ties by name.
 */
export function sortResults(results: readonly JuryResult[], sort: string | undefined): JuryResult[] {
  const descending = sort?.startsWith('-') ?? false;
  const column = (sort?.replace(/^-/, '') ?? 'rank') as ResultSort;
  const compare = (a: JuryResult, b: JuryResult): number => {
    switch (column) {
      case 'rank':
        if (a.rank === null || b.rank === null) return a.rank === b.rank ? byName(a, b) : a.rank === null ? 1 : -1;
        return a.rank - b.rank || byName(a, b);
      case 'mark':
        return thousandths(a.mark) - thousandths(b.mark) || byName(a, b);
      case 'code':
        return compareText(a.learnerCode, b.learnerCode);
      case 'decision':
        return compareText(a.decision, b.decision) || byName(a, b);
      default:
        return byName(a, b);
    }
  };
  return [...results].sort((a, b) => (descending ? compare(b, a) : compare(a, b)));
}

/** The results kept by the filters: a decision (empty: every one) and a text found in the number or the name. */
export function filterResults(results: readonly JuryResult[], filter: { decision?: string; text?: string }): JuryResult[] {
  const text = (filter.text ?? '').trim().toLocaleLowerCase('fr');
  return results.filter(
    (result) =>
      (!filter.decision || result.decision === filter.decision) &&
      (text === '' || `${result.learnerCode} ${result.familyName} ${result.givenNames}`.toLocaleLowerCase('fr').includes(text)),
  );
}

/** One page of rows already read whole, the cursor being the offset of the next page. */
export function pageOf<Row>(rows: readonly Row[], request: { limit: number; cursor?: string }): { items: Row[]; nextCursor: string | null } {
  const start = Number(request.cursor ?? 0) || 0;
  const end = start + request.limit;
  return { items: rows.slice(start, end), nextCursor: end < rows.length ? String(end) : null };
}

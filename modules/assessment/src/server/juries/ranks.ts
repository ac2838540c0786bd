import type { Thousandths } from '../engine/index.ts';

/** Ranks by mark, highest first; equal marks share a rank; no mark, no rank (a preview's and a deliberation's). */
export function ranks(marks: { enrolmentId: string; mark: Thousandths | null }[]): Map<string, number> {
  const sorted = marks.filter((line) => line.mark !== null).sort((a, b) => b.mark! - a.mark!);
  const rank = new Map<string, number>();
  sorted.forEach((line, index) =>
    rank.set(line.enrolmentId, index > 0 && sorted[index - 1]!.mark === line.mark ? rank.get(sorted[index - 1]!.enrolmentId)! : index + 1),
  );
  return rank;
}

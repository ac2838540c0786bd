import type { FeeLine } from '../../contract/index.ts';
import type { StoredRules } from '../shared/tables.ts';

/**
 * `percent` % of `cents`, rounded half up to the cent, in integer arithmetic
 * only: 33 % of 254,50 € is 83,985 € → 83,99 €.
 */
export function percentOf(cents: number, percent: number): number {
  const hundredths = cents * percent + 50;
  return (hundredths - (hundredths % 100)) / 100;
}

/**
 * The fees of an enrolment at a level, with the profiles of its learner, as
 * lines that add up to the total:
 *  - the base amount of the level;
 *  - the extra lines for this level, but those waived for one of the profiles;
 *  - an exemption (first matching profile in the rules' order) cancels the
 *    whole: one line of minus everything above, total 0;
 *  - otherwise the largest reduction among the matching profiles (they do
 *    not add up), a percentage of the base amount rounded half up to the
 *    cent, or a fixed amount, never more than the base amount.
 * Integers in cents throughout: no floating point ever touches an amount.
 */
export function computeFees(rules: StoredRules, level: string, profiles: readonly string[]): { lines: FeeLine[]; totalCents: number } | undefined {
  const base = rules.levels.find((entry) => entry.level === level);
  if (base === undefined) return undefined;
  const lines: FeeLine[] = [{ kind: 'base', code: level, labels: base.labels, amountCents: base.amountCents }];
  const matching = rules.adjustments.filter((adjustment) => profiles.includes(adjustment.profile));
  const exemption = matching.find((adjustment) => adjustment.kind === 'exemption');

  let best: { adjustment: (typeof matching)[number]; cents: number } | undefined;
  if (exemption === undefined) {
    for (const adjustment of matching) {
      const cents = Math.min(
        base.amountCents,
        adjustment.percent !== undefined ? percentOf(base.amountCents, adjustment.percent) : (adjustment.amountCents ?? 0),
      );
      if (cents > 0 && (best === undefined || cents > best.cents)) best = { adjustment, cents };
    }
  }
  if (best !== undefined) lines.push({ kind: 'reduction', code: best.adjustment.profile, labels: best.adjustment.labels, amountCents: -best.cents });

  for (const extra of rules.extras) {
    if (extra.levels !== undefined && !extra.levels.includes(level)) continue;
    if (extra.waivedFor?.some((profile) => profiles.includes(profile))) continue;
    lines.push({ kind: 'extra', code: extra.code, labels: extra.labels, amountCents: extra.amountCents });
  }

  const subtotal = lines.reduce((sum, line) => sum + line.amountCents, 0);
  if (exemption !== undefined && subtotal > 0) lines.push({ kind: 'exemption', code: exemption.profile, labels: exemption.labels, amountCents: -subtotal });
  return { lines, totalCents: lines.reduce((sum, line) => sum + line.amountCents, 0) };
}

/**
 * The total in `count` instalments that add up to it exactly: each is the
 * total divided by `count`, rounded down to the cent, and the first takes
 * the remaining cents (100,00 € in three: 33,34 + 33,33 + 33,33).
 */
export function splitInstalments(totalCents: number, count: number): number[] {
  const each = (totalCents - (totalCents % count)) / count;
  return [totalCents - each * (count - 1), ...Array.from({ length: count - 1 }, () => each)];
}

/** Due dates: the first today, the next ones a month apart (the last day of a shorter month when needed). */
export function dueDates(start: Date, count: number): string[] {
  return Array.from({ length: count }, (_, index) => {
    const year = start.getUTCFullYear();
    const month = start.getUTCMonth() + index;
    const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    return new Date(Date.UTC(year, month, Math.min(start.getUTCDate(), lastDay))).toISOString().slice(0, 10);
  });
}

/** Three instalments are offered when the rules allow it and each would be at least one euro. */
export function instalmentCounts(rules: StoredRules, totalCents: number): number[] {
  if (totalCents === 0) return [];
  return rules.instalments && totalCents >= 300 ? [1, 3] : [1];
}

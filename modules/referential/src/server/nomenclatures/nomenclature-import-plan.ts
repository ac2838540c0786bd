import type { FieldError } from '@pegase/platform';
import type { CsvValueLine } from './nomenclature-csv.ts';
import { sortByLine } from './nomenclature-csv.ts';
import { compare, describeValidity, overlaps, type Validity } from './nomenclature-validity.ts';

/** A value already in the nomenclature, as the import plan needs it. */
export interface ExistingValue extends Validity {
  id: string;
  code: string;
  labelFr: string;
  labelEn: string | null;
}

export interface PlannedCreate extends Validity {
  line: number;
  code: string;
  labelFr: string;
  labelEn: string | null;
}

export interface PlannedUpdate extends Validity {
  line: number;
  id: string;
  code: string;
  labelFr: string;
  labelEn: string | null;
}

export interface ImportPlan {
  creates: PlannedCreate[];
  updates: PlannedUpdate[];
  unchanged: number;
  /** Duplicate keys in the file and overlaps, by line; the plan is applied only when empty. */
  errors: FieldError[];
}

interface Interval extends Validity {
  code: string;
  /** The file's line, when the interval comes from the file. */
  line: number | undefined;
}

/**
 * Upsert by (code, validFrom): a line whose key is new creates a value, a line
 * whose key exists updates its labels and validTo when they differ, and is
 * counted unchanged otherwise. Then the intervals each code would have after
 * the import (the values the file does not mention included) must not overlap.
 */
export function planImport(lines: CsvValueLine[], existing: ExistingValue[]): ImportPlan {
  const errors: FieldError[] = [];
  const existingByKey = new Map(existing.map((value) => [keyOf(value), value]));
  const lineByKey = new Map<string, number>();
  const creates: PlannedCreate[] = [];
  const updates: PlannedUpdate[] = [];
  let unchanged = 0;
  /** The file's version of each existing value it mentions, by id. */
  const replaced = new Map<string, Interval>();
  const added: Interval[] = [];

  for (const line of lines) {
    const key = keyOf(line);
    const earlier = lineByKey.get(key);
    if (earlier !== undefined) {
      errors.push({
        in: 'body',
        field: `/line/${line.line}/valid_from`,
        message: `repeats line ${earlier}: the same code ${line.code} and valid_from ${line.validFrom}`,
      });
      continue;
    }
    lineByKey.set(key, line.line);
    const current = existingByKey.get(key);
    if (current === undefined) {
      const create = {
        line: line.line,
        code: line.code,
        labelFr: line.labelFr,
        labelEn: line.labelEn ?? null,
        validFrom: line.validFrom,
        validTo: line.validTo ?? null,
      };
      creates.push(create);
      added.push({ code: create.code, validFrom: create.validFrom, validTo: create.validTo, line: line.line });
      continue;
    }
    // A column the file does not have leaves that field as it is.
    const labelEn = line.labelEn === undefined ? current.labelEn : line.labelEn;
    const validTo = line.validTo === undefined ? current.validTo : line.validTo;
    replaced.set(current.id, { code: current.code, validFrom: current.validFrom, validTo, line: line.line });
    if (line.labelFr === current.labelFr && labelEn === current.labelEn && validTo === current.validTo) unchanged++;
    else updates.push({ line: line.line, id: current.id, code: current.code, labelFr: line.labelFr, labelEn, validFrom: current.validFrom, validTo });
  }

  const touchedCodes = new Set([...lineByKey.keys()].map((key) => key.slice(0, key.indexOf('|'))));
  const byCode = new Map<string, Interval[]>();
  const add = (interval: Interval) => {
    const list = byCode.get(interval.code);
    if (list === undefined) byCode.set(interval.code, [interval]);
    else list.push(interval);
  };
  for (const value of existing) {
    if (touchedCodes.has(value.code)) add(replaced.get(value.id) ?? { code: value.code, validFrom: value.validFrom, validTo: value.validTo, line: undefined });
  }
  added.forEach(add);
  for (const intervals of byCode.values()) errors.push(...overlapErrors(intervals));

  return { creates, updates, unchanged, errors: sortByLine(errors) };
}

/**
 * Sweeps the intervals of one code in date order, keeping the one that reaches
 * furthest: any later interval that starts before it ends overlaps it. Each
 * overlap is reported on a line of the file.
 */
function overlapErrors(intervals: Interval[]): FieldError[] {
  const errors: FieldError[] = [];
  const sorted = [...intervals].sort((a, b) => compare(a.validFrom, b.validFrom));
  let reach: Interval | undefined;
  for (const interval of sorted) {
    if (reach !== undefined && overlaps(reach, interval)) {
      if (interval.line !== undefined) {
        errors.push({ in: 'body', field: `/line/${interval.line}/valid_from`, message: `overlaps ${describe(reach)}` });
      } else if (reach.line !== undefined) {
        errors.push({ in: 'body', field: `/line/${reach.line}/valid_to`, message: `overlaps ${describe(interval)}` });
      }
    }
    if (reach === undefined || (reach.validTo !== null && (interval.validTo === null || interval.validTo > reach.validTo))) reach = interval;
  }
  return errors;
}

function describe(interval: Interval): string {
  const where = interval.line === undefined ? 'the existing value' : `line ${interval.line}:`;
  return `${where} ${interval.code} valid ${describeValidity(interval)}`;
}

function keyOf(value: { code: string; validFrom: string }): string {
  return `${value.code}|${value.validFrom}`;
}

import { eq } from 'drizzle-orm';
import { conflict, ruleProblem, type Executor } from '@pegase/platform';
import { objectTypes, periods } from '../shared/tables.ts';
import type { ObjectRow } from './object-mapper.ts';

export async function kindOf(db: Executor, type: string): Promise<{ grouping: boolean }> {
  const [row] = await db.select({ grouping: objectTypes.grouping }).from(objectTypes).where(eq(objectTypes.code, type));
  if (row === undefined) {
    throw ruleProblem('unknown-type', `There is no kind of training object named ${type}; see GET /api/curriculum/v1/types or add it.`, [
      { in: 'body', field: '/type', message: 'does not exist' },
    ]);
  }
  return row;
}

export async function assertPeriodExists(db: Executor, periodId: string): Promise<void> {
  const [row] = await db.select({ id: periods.id }).from(periods).where(eq(periods.id, periodId));
  if (row === undefined) {
    throw ruleProblem('unknown-period', `The period ${periodId} does not exist in the referential.`, [
      { in: 'body', field: '/periodId', message: 'does not exist' },
    ]);
  }
}

/** A choice range belongs to groupings, and its minimum cannot exceed its maximum. */
export function checkChoice(grouping: boolean, choice: { min: number; max: number } | null | undefined, type: string): void {
  if (choice === null || choice === undefined) return;
  if (!grouping) {
    throw ruleProblem('choice-not-grouping', `A ${type} holds no choice range: only groupings do.`, [
      { in: 'body', field: '/choice', message: 'is for groupings only' },
    ]);
  }
  if (choice.min > choice.max) {
    throw ruleProblem('invalid-choice-range', `The choice range [${choice.min}, ${choice.max}] is empty: min must not exceed max.`, [
      { in: 'body', field: '/choice/min', message: 'must not exceed max' },
    ]);
  }
}

/** Validated objects are frozen; archived ones are read-only for good. */
export function assertEditable(row: ObjectRow, unfreeze: boolean): void {
  if (row.status === 'archived') throw conflict('archived', `${row.code} is archived: its period's offer is read-only.`);
  if (row.status === 'validated' && !unfreeze) {
    throw conflict(
      'frozen',
      `${row.code} is validated and frozen: enrolment and choices rely on it. An administrator may change it with ?unfreeze=true (audited and announced).`,
    );
  }
}

import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { conflict, notFound, ruleProblem, SQLSTATE, sqlState, type ModuleContext, type Transaction, checkVersion, type Origin } from '@pegase/platform';
import { referentialEvents, type CreatePeriod, type Period, type UpdatePeriod } from '../../contract/index.ts';
import { labelColumns } from '../shared/labels.ts';
import { periods } from '../shared/tables.ts';
import { toPeriod, type PeriodRow } from './period-mapper.ts';
import { findOverlapping, findPeriodRow, listSubPeriodRows } from './period-queries.ts';
import {
  checkAcademicYearHasNoParent,
  checkAcademicYearShape,
  checkDateOrder,
  checkInsideParent,
  checkSubPeriodsInside,
  overlapProblem,
  type DateRange,
} from './period-rules.ts';

const ACADEMIC_YEAR = 'academic-year';

export async function createPeriod(context: ModuleContext, input: CreatePeriod, origin: Origin): Promise<Period> {
  checkDateOrder(input);
  if (input.type === ACADEMIC_YEAR) {
    checkAcademicYearHasNoParent(input.parentId);
    checkAcademicYearShape(input.code, input.startDate);
  }
  try {
    return await context.transaction(async (tx) => {
      // Said before the date rules: a second "2026-2027" is a duplicate, not an overlap.
      const [sameCode] = await tx.select({ id: periods.id }).from(periods).where(eq(periods.code, input.code));
      if (sameCode !== undefined) throw duplicateCode(input.code);

      let parentId: string | null = null;
      if (input.type === ACADEMIC_YEAR) {
        await lockAcademicYears(tx);
        await refuseOverlap(tx, `The academic year ${input.code}`, input, { type: ACADEMIC_YEAR, parentId: null });
      } else {
        const parent = await lockedParent(tx, input.parentId);
        checkInsideParent(input, parent);
        await refuseOverlap(tx, `The ${input.type} ${input.code}`, input, { type: input.type, parentId: parent.id });
        parentId = parent.id;
      }

      const [row] = await tx
        .insert(periods)
        .values({
          id: randomUUID(),
          code: input.code,
          type: input.type,
          ...labelColumns(input.labels),
          startDate: input.startDate,
          endDate: input.endDate,
          parentId,
        })
        .returning();
      const period = toPeriod(row!);
      await context.publish(tx, referentialEvents.periodCreated, period, { subject: period.id, origin });
      return period;
    });
  } catch (error) {
    // A simultaneous creation of the same code got in between the check and the insert.
    if (sqlState(error) === SQLSTATE.uniqueViolation) throw duplicateCode(input.code);
    throw error;
  }
}

export async function updatePeriod(
  context: ModuleContext,
  id: string,
  patch: UpdatePeriod,
  expectedVersion: number | undefined,
  origin: Origin,
): Promise<Period> {
  return context.transaction(async (tx) => {
    const current = await findPeriodRow(tx, id, { forUpdate: true });
    if (current === undefined) throw notFound('Period', id);
    checkVersion(`Period ${current.code}`, current.version, expectedVersion);

    // The rules are checked on the dates the period would have, whichever of them the patch changes.
    const range: DateRange = { startDate: patch.startDate ?? current.startDate, endDate: patch.endDate ?? current.endDate };
    if (range.startDate !== current.startDate || range.endDate !== current.endDate) {
      checkDateOrder(range);
      if (current.type === ACADEMIC_YEAR) {
        checkAcademicYearShape(current.code, range.startDate);
        await lockAcademicYears(tx);
        await refuseOverlap(tx, `The academic year ${current.code}`, range, { type: ACADEMIC_YEAR, parentId: null, exceptId: id });
        // The year's row is locked above, so no sub-period can be created or moved meanwhile.
        checkSubPeriodsInside(range, current.code, await listSubPeriodRows(tx, id));
      } else {
        const parent = await lockedParent(tx, current.parentId);
        checkInsideParent(range, parent);
        await refuseOverlap(tx, `The ${current.type} ${current.code}`, range, { type: current.type, parentId: parent.id, exceptId: id });
      }
    }

    const [row] = await tx
      .update(periods)
      .set({
        ...(patch.labels === undefined ? {} : labelColumns(patch.labels)),
        startDate: range.startDate,
        endDate: range.endDate,
        version: sql`${periods.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(periods.id, id))
      .returning();
    const period = toPeriod(row!);
    await context.publish(tx, referentialEvents.periodUpdated, period, { subject: period.id, origin, before: toPeriod(current) });
    return period;
  });
}

/**
 * Serialises every write that moves an academic year's dates, until commit.
 *
 * `select … for update` of the overlapping years cannot do this: when no
 * overlapping year exists yet there is no row to lock, so two simultaneous
 * creations of overlapping years would both find nothing and both insert (a
 * phantom). A transaction-scoped advisory lock on one fixed key closes that
 * gap; writes of academic years are a handful a year, so serialising them
 * costs nothing. Under READ COMMITTED the overlap query that follows takes
 * its snapshot after the lock is granted, so it sees the year the previous
 * holder committed. Sub-periods need no such lock: they lock their parent
 * year's row instead (see lockedParent), which serialises siblings.
 */
async function lockAcademicYears(tx: Transaction): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('referential.periods.academic-years'))`);
}

/**
 * The academic year a sub-period belongs to, locked `for update` until commit:
 * a sibling created meanwhile, or a change of the year's dates, waits for this
 * transaction and then sees its result, so the overlap and containment checks
 * cannot both pass on stale data.
 */
async function lockedParent(tx: Transaction, parentId: string | null | undefined): Promise<PeriodRow> {
  if (parentId == null) {
    throw ruleProblem('parent-required', 'A semester, trimester or other sub-period belongs to an academic year: give the id of that year as parentId.', [
      { in: 'body', field: '/parentId', message: 'is required for a sub-period' },
    ]);
  }
  const parent = await findPeriodRow(tx, parentId, { forUpdate: true });
  if (parent === undefined) {
    throw ruleProblem('unknown-parent', `The parent period ${parentId} does not exist.`, [{ in: 'body', field: '/parentId', message: 'does not exist' }]);
  }
  if (parent.type !== ACADEMIC_YEAR) {
    throw ruleProblem('parent-not-academic-year', `The parent period ${parent.code} is a ${parent.type}; a sub-period belongs directly to an academic year.`, [
      { in: 'body', field: '/parentId', message: `must be an academic year, not the ${parent.type} ${parent.code}` },
    ]);
  }
  return parent;
}

async function refuseOverlap(
  tx: Transaction,
  what: string,
  range: DateRange,
  among: { type: string; parentId: string | null; exceptId?: string },
): Promise<void> {
  const other = await findOverlapping(tx, range, among);
  if (other !== undefined) throw overlapProblem(what, range, other);
}

function duplicateCode(code: string) {
  return conflict('duplicate-code', `A period with the code ${code} already exists; choose another code.`, [
    { in: 'body', field: '/code', message: 'is already used' },
  ]);
}

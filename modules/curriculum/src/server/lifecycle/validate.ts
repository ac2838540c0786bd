import { inArray, sql } from 'drizzle-orm';
import { notFound, Problem, ruleProblem, type ModuleContext, type Origin } from '@pegase/platform';
import { curriculumEvents, type ConsistencyReport, type FormationTree } from '../../contract/index.ts';
import { findObjectRow } from '../objects/object-queries.ts';
import { assertOwns } from '../objects/object-scope.ts';
import { lockPeriodGraph } from '../shared/period-lock.ts';
import { objects, objectTypes } from '../shared/tables.ts';
import { readTree } from '../tree/tree-queries.ts';
import type { Executor } from '@pegase/platform';
import { checkConsistency } from './consistency.ts';

export async function groupingKinds(db: Executor): Promise<Set<string>> {
  const rows = await db
    .select({ code: objectTypes.code })
    .from(objectTypes)
    .where(sql`${objectTypes.grouping}`);
  return new Set(rows.map((row) => row.code));
}

export async function consistencyOf(db: Executor, rootId: string): Promise<ConsistencyReport> {
  // One after the other: db may be a transaction, whose one connection takes one query at a time.
  const tree = await readTree(db, rootId);
  const kinds = await groupingKinds(db);
  return checkConsistency(tree, kinds);
}

/**
 * Validates a formation: when its consistency report has no error, the
 * formation and every draft object below it become `validated` (frozen), and
 * the whole tree is announced so that enrolment and choices can use it.
 */
export async function validateFormation(context: ModuleContext, formationId: string, origin: Origin): Promise<FormationTree> {
  return context.transaction(async (tx) => {
    const formation = await findObjectRow(tx, formationId);
    if (formation === undefined) throw notFound('Training object', formationId);
    if (formation.type !== 'formation') throw ruleProblem('not-a-formation', `${formation.code} is a ${formation.type}: validate the formation it belongs to.`);
    if (formation.status === 'archived') throw ruleProblem('archived', `${formation.code} is archived.`);
    await assertOwns(tx, origin.scope, formation.ownerStructureId, `validate ${formation.code}`);
    await lockPeriodGraph(tx, formation.periodId);

    const tree = await readTree(tx, formationId);
    const report = checkConsistency(tree, await groupingKinds(tx));
    if (report.errors > 0) {
      throw new Problem(
        422,
        'inconsistent-formation',
        'Business rule violated',
        `${formation.code} cannot be validated: its consistency report has ${report.errors} error(s). Correct them and validate again.`,
        { report },
      );
    }
    const drafts = tree.objects.filter((object) => object.status === 'draft').map((object) => object.id);
    if (drafts.length > 0) {
      await tx
        .update(objects)
        .set({ status: 'validated', version: sql`${objects.version} + 1`, updatedAt: sql`now()` })
        .where(inArray(objects.id, drafts));
    }
    const validated = await readTree(tx, formationId);
    await context.publish(tx, curriculumEvents.objectValidated, validated, { subject: formationId, origin });
    return validated;
  });
}

import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { conflict, ruleProblem, type ModuleContext, type Origin } from '@pegase/platform';
import { assessmentEvents, type Assessment, type CreateAssessment } from '../../contract/index.ts';
import { normalised } from '../rules/effective-rules.ts';
import { assertRulesOpen } from '../rules/rule-freeze.ts';
import { pathInScope } from '../shared/access.ts';
import { assessments, paths } from '../shared/tables.ts';
import { assessmentOf } from './assessment-store.ts';
import { DEFAULT_SCALE } from './scale.ts';

/**
 * An assessment (épreuve) of a course element (a path without children)
 * for a session, in the caller's structures, while the formation's MCC are
 * not frozen; its code is unique per path and session. Announced.
 */
export async function createAssessment(context: ModuleContext, body: CreateAssessment, origin: Origin): Promise<Assessment> {
  return context.transaction(async (tx) => {
    await pathInScope(tx, origin.scope, body.periodId, body.path, 'create assessments of this path');
    await assertRulesOpen(tx, body.periodId, body.path);
    const [child] = await tx
      .select({ path: paths.path })
      .from(paths)
      .where(and(eq(paths.periodId, body.periodId), eq(paths.parentPath, body.path)))
      .limit(1);
    if (child !== undefined) {
      throw ruleProblem(
        'not-a-course-element',
        `${body.path} has children (${child.path}…): assessments belong to the course elements at the bottom of the tree, whose marks the results average upwards.`,
      );
    }
    const coefficient = normalised(body.coefficient ?? '1');
    if (coefficient === undefined || coefficient === '0.000') {
      throw ruleProblem('invalid-rule', 'The coefficient of an assessment is a decimal above 0 with at most 3 decimals.', [
        { in: 'body', field: '/coefficient', message: 'must be a decimal above 0 with at most 3 decimals' },
      ]);
    }
    const [row] = await tx
      .insert(assessments)
      .values({
        id: randomUUID(),
        periodId: body.periodId,
        path: body.path,
        session: body.session,
        code: body.code,
        label: body.label,
        coefficient,
        scale: body.scale ?? DEFAULT_SCALE,
      })
      .onConflictDoNothing()
      .returning();
    if (row === undefined)
      throw conflict('duplicate-code', `${body.path} already has an assessment ${body.code} in session ${body.session}: choose another code.`);
    const assessment = assessmentOf(row, null);
    await context.publish(tx, assessmentEvents.assessmentCreated, assessment, { subject: row.id, origin });
    return assessment;
  });
}

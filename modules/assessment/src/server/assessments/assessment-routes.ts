import { Type } from 'typebox';
import { eq } from 'drizzle-orm';
import { originOf, type ModuleApp, type ModuleContext, type Origin } from '@pegase/platform';
import {
  Assessment,
  AssessmentParams,
  AssessmentQuery,
  assessmentEvents,
  assessmentPermissions,
  CreateAssessment,
  HistoryEntry,
  MarkParams,
  MarksReport,
  PutMarks,
  Sheet,
} from '../../contract/index.ts';
import { pathInScope } from '../shared/access.ts';
import { sheetLocks } from '../shared/tables.ts';
import { assessmentInScope, assessmentOf, assessmentsOf } from './assessment-store.ts';
import { createAssessment } from './create-assessment.ts';
import { enterMarks, historyOf, sheetOf } from './marks.ts';

async function setLock(context: ModuleContext, id: string, locked: boolean, origin: Origin): Promise<Assessment> {
  return context.transaction(async (tx) => {
    const { row, assessment } = await assessmentInScope(tx, origin.scope, id, `${locked ? 'lock' : 'unlock'} this mark sheet`, true);
    if ((assessment.locked !== null) === locked) return assessment;
    if (locked) await tx.insert(sheetLocks).values({ assessmentId: id, lockedBy: origin.actor.login ?? origin.actor.subject });
    else await tx.delete(sheetLocks).where(eq(sheetLocks.assessmentId, id));
    const [lock] = await tx.select().from(sheetLocks).where(eq(sheetLocks.assessmentId, id));
    const after = assessmentOf(row, lock);
    await context.publish(tx, assessmentEvents.sheetLocked, after, { subject: id, origin, before: assessment });
    return after;
  });
}

/** Assessments (épreuves) of course elements, their mark sheets, marks and locks. */
export async function assessmentRoutes(app: ModuleApp, context: ModuleContext): Promise<void> {
  app.post(
    '/assessments',
    {
      config: { access: { permission: assessmentPermissions.sheetsManage } },
      schema: {
        summary:
          'Create an assessment (épreuve) of a course element for a session, with its coefficient among the element’s assessments and its scale (marks from 0 to scale, 20 by default; the results convert them to 20).',
        operationId: 'createAssessment',
        body: CreateAssessment,
        response: { 201: Assessment },
      },
    },
    async (request, reply) => {
      const created = await createAssessment(context, request.body, originOf(request));
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/assessments',
    {
      config: { access: { permission: assessmentPermissions.rulesRead } },
      schema: {
        summary: 'The assessments of a course element in a period, both sessions.',
        operationId: 'listAssessments',
        querystring: AssessmentQuery,
        response: { 200: Type.Array(Assessment) },
      },
    },
    async (request) =>
      context.transaction(async (tx) => {
        const { periodId, path } = request.query;
        await pathInScope(tx, originOf(request).scope, periodId, path, 'read the assessments of this path');
        return assessmentsOf(tx, periodId, path);
      }),
  );

  app.get(
    '/assessments/:id/sheet',
    {
      config: { access: { permission: assessmentPermissions.marksRead } },
      schema: {
        summary:
          'The mark sheet of an assessment: the learners whose cursus follows its course element (neither exempted nor credited), with their current mark, by name.',
        operationId: 'getSheet',
        params: AssessmentParams,
        response: { 200: Sheet },
      },
    },
    async (request) => context.transaction((tx) => sheetOf(tx, request.params.id, originOf(request))),
  );

  app.put(
    '/assessments/:id/marks',
    {
      config: { access: { permission: assessmentPermissions.marksWrite } },
      schema: {
        summary:
          'Enter marks on a sheet, all or nothing: a mark from 0 to the assessment’s scale with at most 3 decimals ("12.5"), ABI, ABJ, or null to clear it. Every wrong row is named in errors[] (422 invalid-marks) and nothing is written; a locked sheet refuses marks (409 sheet-locked). A teacher enters the marks of the course elements they teach only (403 not-teaching).',
        operationId: 'putMarks',
        params: AssessmentParams,
        body: PutMarks,
        response: { 200: MarksReport },
      },
    },
    async (request) => enterMarks(context, request.params.id, request.body, originOf(request)),
  );

  app.get(
    '/assessments/:id/marks/:enrolmentId/history',
    {
      config: { access: { permission: assessmentPermissions.marksRead } },
      schema: {
        summary: 'Every change of a learner’s mark on an assessment: who, when, before and after (null: none), and the request.',
        operationId: 'getMarkHistory',
        params: MarkParams,
        response: { 200: Type.Array(HistoryEntry) },
      },
    },
    async (request) => context.transaction((tx) => historyOf(tx, request.params.id, request.params.enrolmentId, originOf(request))),
  );

  for (const [action, locked] of [
    ['lock', true],
    ['unlock', false],
  ] as const) {
    app.post(
      `/assessments/:id/${action}`,
      {
        config: { access: { permission: assessmentPermissions.sheetsManage } },
        schema: {
          summary: locked
            ? 'Lock the mark sheet of an assessment: its marks can no longer change until it is unlocked.'
            : 'Unlock the mark sheet of an assessment.',
          operationId: `${action}Sheet`,
          params: AssessmentParams,
          response: { 200: Assessment },
        },
      },
      async (request) => setLock(context, request.params.id, locked, originOf(request)),
    );
  }
}

import { Type } from 'typebox';
import { originOf, type ModuleApp, type ModuleContext } from '@pegase/platform';
import { assessmentPermissions, MyTeachingQuery, ObjectParams, ObjectTeachers, PutTeachers, TaughtObject } from '../../contract/index.ts';
import { myTeaching, readTeachers, setTeachers } from './teaching-store.ts';

/** Teaching assignments: staff say who teaches a course element; a teacher lists what they teach, with its mark sheets. */
export async function teachingRoutes(app: ModuleApp, context: ModuleContext): Promise<void> {
  app.put(
    '/objects/:objectId/teachers',
    {
      config: { access: { permission: assessmentPermissions.teachingManage } },
      schema: {
        summary:
          'Set the teachers of a course element (an object of the validated offer, taught in every path where it appears), by login: they, and no other teacher, read and enter the marks of its sheets. The list replaces the one before; the change is audited.',
        operationId: 'putObjectTeachers',
        params: ObjectParams,
        body: PutTeachers,
        response: { 200: ObjectTeachers },
      },
    },
    async (request) => setTeachers(context, request.params.objectId, request.body, originOf(request)),
  );

  app.get(
    '/objects/:objectId/teachers',
    {
      config: { access: { permission: assessmentPermissions.teachingRead } },
      schema: {
        summary: 'The teachers of a course element, with who assigned them and when.',
        operationId: 'getObjectTeachers',
        params: ObjectParams,
        response: { 200: ObjectTeachers },
      },
    },
    async (request) => context.transaction((tx) => readTeachers(tx, request.params.objectId, originOf(request))),
  );

  app.get(
    '/me/teaching',
    {
      config: { access: { permission: assessmentPermissions.teachingSelf } },
      schema: {
        summary:
          'The course elements the signed-in teacher teaches (in a period, or all), each with its paths and the mark sheets of its assessments: learners on the sheet and marks entered.',
        operationId: 'listMyTeaching',
        querystring: MyTeachingQuery,
        response: { 200: Type.Array(TaughtObject) },
      },
    },
    async (request) => context.transaction((tx) => myTeaching(tx, originOf(request), request.query.periodId)),
  );
}

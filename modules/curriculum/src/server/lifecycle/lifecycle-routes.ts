import { Type } from 'typebox';
import { originOf, type ModuleApp, type ModuleContext } from '@pegase/platform';
import { Id, IdParams } from '@pegase/referential/contract';
import { ConsistencyReport, CopyPeriodBody, CopyReport, curriculumPermissions, FormationTree } from '../../contract/index.ts';
import { archivePeriod, copyPeriod } from './period-commands.ts';
import { consistencyOf, validateFormation } from './validate.ts';

const PeriodParams = Type.Object({ periodId: Id }, { additionalProperties: false });
const periods = { access: { permission: curriculumPermissions.periods } };

export async function lifecycleRoutes(app: ModuleApp, context: ModuleContext): Promise<void> {
  app.get(
    '/objects/:id/consistency',
    {
      config: { access: { permission: curriculumPermissions.read } },
      schema: {
        summary: 'The consistency report of a formation (or any subtree): what blocks its validation and what deserves a look.',
        operationId: 'getConsistency',
        params: IdParams,
        response: { 200: ConsistencyReport },
      },
    },
    async (request) => consistencyOf(context.db, request.params.id),
  );

  app.post(
    '/objects/:id/validate',
    {
      config: { access: { permission: curriculumPermissions.validate } },
      schema: {
        summary: 'Validate a formation: refused (422, with the report) while its consistency report has errors; then frozen and announced.',
        operationId: 'validateFormation',
        params: IdParams,
        response: { 200: FormationTree },
      },
    },
    async (request) => validateFormation(context, request.params.id, originOf(request)),
  );

  app.post(
    '/periods/:periodId/copy',
    {
      config: periods,
      schema: {
        summary: 'Copy the whole offer of a period into another, empty, period (as drafts, to edit then validate).',
        operationId: 'copyPeriod',
        params: PeriodParams,
        body: CopyPeriodBody,
        response: { 200: CopyReport },
      },
    },
    async (request) => copyPeriod(context, request.params.periodId, request.body.toPeriodId, originOf(request)),
  );

  app.post(
    '/periods/:periodId/archive',
    {
      config: periods,
      schema: {
        summary: 'Archive the offer of a period: read-only from then on.',
        operationId: 'archivePeriod',
        params: PeriodParams,
        response: { 200: Type.Object({ periodId: Id, objects: Type.Integer() }) },
      },
    },
    async (request) => archivePeriod(context, request.params.periodId, originOf(request)),
  );
}

import { type ModuleApp, type ModuleContext, IfMatchHeaders, sendVersioned, expectedVersion, originOf } from '@pegase/platform';
import { Establishment, EstablishmentInput, referentialPermissions } from '../../contract/index.ts';
import { getEstablishment, putEstablishment } from './establishment-service.ts';

export async function establishmentRoutes(app: ModuleApp, context: ModuleContext): Promise<void> {
  app.get(
    '/establishment',
    {
      config: { access: { permission: referentialPermissions.read } },
      schema: { summary: 'Read the establishment this instance serves.', operationId: 'getEstablishment', response: { 200: Establishment } },
    },
    async (_request, reply) => {
      const result = await getEstablishment(context.db);
      return sendVersioned(reply, result);
    },
  );

  app.put(
    '/establishment',
    {
      config: { access: { permission: referentialPermissions.writeEstablishment } },
      schema: {
        summary: 'Set the establishment (UAI with its control letter, names).',
        operationId: 'putEstablishment',
        headers: IfMatchHeaders,
        body: EstablishmentInput,
        response: { 200: Establishment, 201: Establishment },
      },
    },
    async (request, reply) => {
      const { establishment, created } = await putEstablishment(context, request.body, expectedVersion(request.headers['if-match']), originOf(request));
      return sendVersioned(reply, establishment, created ? 201 : 200);
    },
  );
}

import { Type } from 'typebox';
import type { ModuleApp, ModuleContext } from '@pegase/platform';
import { Establishment, EstablishmentInput, referentialPermissions } from '../../contract/index.ts';
import { etag, expectedVersion } from '../shared/concurrency.ts';
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
      return reply.header('etag', etag(result.version)).send(result);
    },
  );

  app.put(
    '/establishment',
    {
      config: { access: { permission: referentialPermissions.writeEstablishment } },
      schema: {
        summary: 'Set the establishment (UAI with its control letter, names).',
        operationId: 'putEstablishment',
        headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }),
        body: EstablishmentInput,
        response: { 200: Establishment, 201: Establishment },
      },
    },
    async (request, reply) => {
      const { establishment, created } = await putEstablishment(context, request.body, expectedVersion(request.headers['if-match']), request.id);
      return reply
        .status(created ? 201 : 200)
        .header('etag', etag(establishment.version))
        .send(establishment);
    },
  );
}

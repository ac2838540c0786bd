import { defineModule } from '@pegase/platform';
import { referentialEvents, referentialPermissionDeclarations } from '../contract/index.ts';
import { establishmentRoutes } from './establishment/establishment-routes.ts';
import { nomenclatureRoutes } from './nomenclatures/nomenclature-routes.ts';
import { periodRoutes } from './periods/period-routes.ts';
import { structureRoutes } from './structures/structure-routes.ts';
import { loadSandbox } from './sandbox/sandbox.ts';

export const referentialModule = defineModule({
  name: 'referential',
  title: 'Referential (REF)',
  description: 'The establishment, its structures (composantes, departments, services), academic periods and nomenclatures with validity dates.',
  migrations: new URL('../../migrations/', import.meta.url),
  permissions: referentialPermissionDeclarations,
  events: Object.values(referentialEvents),
  async routes(app, context) {
    await establishmentRoutes(app, context);
    await structureRoutes(app, context);
    await periodRoutes(app, context);
    await nomenclatureRoutes(app, context);
  },
  sandbox: loadSandbox,
});

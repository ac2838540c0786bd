import { defineModule } from '@pegase/platform';
import { curriculumEvents, curriculumPermissionDeclarations } from '../contract/index.ts';
import { exchangeRoutes } from './exchange/exchange-routes.ts';
import { lifecycleRoutes } from './lifecycle/lifecycle-routes.ts';
import { linkRoutes } from './links/link-routes.ts';
import { objectRoutes } from './objects/object-routes.ts';
import { referentialReadModel } from './read-models/referential-read-model.ts';
import { loadSandbox } from './sandbox/sandbox.ts';
import { treeRoutes } from './tree/tree-routes.ts';

export const curriculumModule = defineModule({
  name: 'curriculum',
  title: 'Curriculum (ODF)',
  description:
    'The training offer of each period: a graph of training objects (formations, years, semesters, UEs, ECs, groupings) with shared objects, paths, a consistency report, validation, copy to the next period and exchange formats (JSON, XLSX).',
  migrations: new URL('../../migrations/', import.meta.url),
  permissions: curriculumPermissionDeclarations,
  events: Object.values(curriculumEvents),
  async routes(app, context) {
    await objectRoutes(app, context);
    await linkRoutes(app, context);
    await treeRoutes(app, context);
    await lifecycleRoutes(app, context);
    await exchangeRoutes(app, context);
  },
  handlers: () => referentialReadModel(),
  sandbox: loadSandbox,
});

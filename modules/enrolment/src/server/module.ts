import { defineModule } from '@pegase/platform';
import { enrolmentEvents, enrolmentPermissionDeclarations } from '../contract/index.ts';
import { learnerRoutes } from './learners/learner-routes.ts';
import { nomenclatureReadModel } from './read-models/nomenclature-read-model.ts';
import { loadSandbox } from './sandbox/sandbox.ts';

export const enrolmentModule = defineModule({
  name: 'enrolment',
  title: 'Enrolment (INS)',
  description:
    'Learners (identity, INE, contacts, bac), with probable duplicates reported and an accent-insensitive fuzzy search; administrative enrolments follow.',
  migrations: new URL('../../migrations/', import.meta.url),
  permissions: enrolmentPermissionDeclarations,
  events: Object.values(enrolmentEvents),
  async routes(app, context) {
    await learnerRoutes(app, context);
  },
  handlers: () => nomenclatureReadModel(),
  sandbox: loadSandbox,
});

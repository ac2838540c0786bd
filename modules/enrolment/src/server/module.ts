import { defineModule } from '@pegase/platform';
import { enrolmentEvents, enrolmentLifecycleEvents, enrolmentPermissionDeclarations } from '../contract/index.ts';
import { documentRoutes } from './documents/document-routes.ts';
import { enrolmentRoutes } from './enrolments/enrolment-routes.ts';
import { feedRoutes } from './feed/feed-routes.ts';
import { learnerRoutes } from './learners/learner-routes.ts';
import { enrolmentPointReadModel } from './read-models/enrolment-point-read-model.ts';
import { structureReadModel } from './read-models/structure-read-model.ts';
import { nomenclatureReadModel } from './read-models/nomenclature-read-model.ts';
import { paymentHandler } from './read-models/payment-handler.ts';
import { loadSandbox } from './sandbox/sandbox.ts';

export const enrolmentModule = defineModule({
  name: 'enrolment',
  title: 'Enrolment (INS)',
  description:
    'Learners (identity, INE, contacts, bac) with probable duplicates reported and a fuzzy search; administrative enrolments at the enrolment points of the validated offer: draft, idempotent submission, back-office queue, validation once fees are settled, cancellation.',
  migrations: new URL('../../migrations/', import.meta.url),
  permissions: enrolmentPermissionDeclarations,
  events: [...Object.values(enrolmentEvents), ...Object.values(enrolmentLifecycleEvents)],
  async routes(app, context) {
    await learnerRoutes(app, context);
    await enrolmentRoutes(app, context);
    await feedRoutes(app, context);
    await documentRoutes(app, context);
  },
  handlers: (context) => [...nomenclatureReadModel(), ...structureReadModel(), ...enrolmentPointReadModel(), ...paymentHandler(context)],
  sandbox: loadSandbox,
});

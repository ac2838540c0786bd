import { defineModule } from '@pegase/platform';
import { enrolmentEvents, enrolmentLifecycleEvents, enrolmentPermissionDeclarations } from '../contract/index.ts';
import { documentRoutes } from './documents/document-routes.ts';
import { bulkRoutes } from './enrolments/bulk-routes.ts';
import { enrolmentRoutes } from './enrolments/enrolment-routes.ts';
import { activationRoutes } from './activation/activation-routes.ts';
import { selfServiceRoutes } from './self-service/self-service-routes.ts';
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
    'Learners (identity, INE, contacts, bac) with probable duplicates reported and a fuzzy search; administrative enrolments at the enrolment points of the validated offer: draft, idempotent submission, back-office queue, validation once fees are settled, cancellation, one by one or in bulk; online enrolment by the student, from an invitation that also opens their account.',
  migrations: new URL('../../migrations/', import.meta.url),
  permissions: enrolmentPermissionDeclarations,
  events: [...Object.values(enrolmentEvents), ...Object.values(enrolmentLifecycleEvents)],
  async routes(app, context) {
    await learnerRoutes(app, context);
    await enrolmentRoutes(app, context);
    await bulkRoutes(app, context);
    await feedRoutes(app, context);
    await documentRoutes(app, context);
    await selfServiceRoutes(app, context);
    await activationRoutes(app, context);
  },
  handlers: (context) => [...nomenclatureReadModel(), ...structureReadModel(), ...enrolmentPointReadModel(), ...paymentHandler(context)],
  sandbox: loadSandbox,
  loginLinks: [
    {
      path: '/api/enrolment/v1/activation',
      labels: {
        fr: 'Nouvel étudiant ? Activez votre compte avec votre code d’invitation',
        en: 'New student? Activate your account with your invitation code',
      },
    },
  ],
});

import { defineModule } from '@pegase/platform';
import { registrationEvents, registrationPermissionDeclarations } from '../contract/index.ts';
import { cursusRoutes } from './cursus/cursus-routes.ts';
import { entryRoutes } from './entries/entry-routes.ts';
import { groupRoutes } from './groups/group-routes.ts';
import { enrolmentReadModel } from './read-models/enrolment-read-model.ts';
import { offerReadModel } from './read-models/offer-read-model.ts';
import { referentialReadModel } from './read-models/referential-read-model.ts';
import { loadSandbox } from './sandbox/sandbox.ts';
import { choiceWindowRoutes } from './windows/choice-window-routes.ts';

export const registrationModule = defineModule({
  name: 'registration',
  title: 'Registration (CHC)',
  description:
    'Each learner’s cursus below their enrolment point, built when the enrolment is validated: mandatory objects, choices in groupings within their range and the objects’ capacity (no overbooking; waiting lists whose first learner is offered a freed seat), choice windows per formation. Announces every change of a cursus.',
  migrations: new URL('../../migrations/', import.meta.url),
  permissions: registrationPermissionDeclarations,
  events: Object.values(registrationEvents),
  async routes(app, context) {
    await cursusRoutes(app, context);
    await entryRoutes(app, context);
    await groupRoutes(app, context);
    await choiceWindowRoutes(app, context);
  },
  handlers: (context) => [...referentialReadModel(), ...offerReadModel(), ...enrolmentReadModel(context)],
  sandbox: loadSandbox,
});

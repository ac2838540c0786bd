import { defineModule } from '@pegase/platform';
import { assessmentEvents, assessmentPermissionDeclarations } from '../contract/index.ts';
import { assessmentRoutes } from './assessments/assessment-routes.ts';
import { markImportRoutes } from './imports/import-routes.ts';
import { juryListRoutes } from './juries/jury-list-routes.ts';
import { juryRoutes } from './juries/jury-routes.ts';
import { learningReadModel } from './read-models/learning-read-model.ts';
import { offerReadModel } from './read-models/offer-read-model.ts';
import { referentialReadModel } from './read-models/referential-read-model.ts';
import { resultsRoutes } from './results/results-routes.ts';
import { curriculumLifecycle } from './rules/curriculum-lifecycle.ts';
import { freezeRoutes } from './rules/freeze-routes.ts';
import { ruleExchangeRoutes } from './rules/rule-exchange-routes.ts';
import { ruleRoutes } from './rules/rule-routes.ts';
import { loadSandbox } from './sandbox/sandbox.ts';
import { teachingRoutes } from './teaching/teaching-routes.ts';

export const assessmentModule = defineModule({
  name: 'assessment',
  title: 'Assessment (COC)',
  description:
    'Assessment rules (MCC) per path, assessments (épreuves) of course elements per session, mark sheets built from the learners’ cursus, marks entered all or nothing with their history, sheet locks, and each enrolment’s results computed by the exact results engine, every decision explained.',
  migrations: new URL('../../migrations/', import.meta.url),
  permissions: assessmentPermissionDeclarations,
  events: Object.values(assessmentEvents),
  async routes(app, context) {
    await ruleRoutes(app, context);
    await ruleExchangeRoutes(app, context);
    await freezeRoutes(app, context);
    await assessmentRoutes(app, context);
    await markImportRoutes(app, context);
    await teachingRoutes(app, context);
    await resultsRoutes(app, context);
    await juryRoutes(app, context);
    await juryListRoutes(app, context);
  },
  sandbox: loadSandbox,
  handlers: (context) => [...referentialReadModel(), ...offerReadModel(), ...learningReadModel(), ...curriculumLifecycle(context)],
});

import { defineModule } from '@pegase/platform';
import { assessmentEvents, assessmentPermissionDeclarations } from '../contract/index.ts';
import { assessmentRoutes } from './assessments/assessment-routes.ts';
import { juryListRoutes } from './juries/jury-list-routes.ts';
import { juryRoutes } from './juries/jury-routes.ts';
import { learningReadModel } from './read-models/learning-read-model.ts';
import { offerReadModel } from './read-models/offer-read-model.ts';
import { referentialReadModel } from './read-models/referential-read-model.ts';
import { resultsRoutes } from './results/results-routes.ts';
import { ruleRoutes } from './rules/rule-routes.ts';

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
    await assessmentRoutes(app, context);
    await resultsRoutes(app, context);
    await juryRoutes(app, context);
    await juryListRoutes(app, context);
  },
  handlers: () => [...referentialReadModel(), ...offerReadModel(), ...learningReadModel()],
});

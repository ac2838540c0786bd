import { curriculumModule } from '@pegase/curriculum/module';
import { enrolmentModule } from '@pegase/enrolment/module';
import { referentialModule } from '@pegase/referential/module';
import { registrationModule } from '../src/server/module.ts';

/** The modules whose demo data the registration sandbox builds on. */
export const allModulesForSandbox = [referentialModule, curriculumModule, enrolmentModule, registrationModule];

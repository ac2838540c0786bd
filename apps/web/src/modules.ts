import { registerTranslations, type WebModule } from '@pegase/web-kit';
import { assessmentWeb } from '@pegase/assessment/web';
import { curriculumWeb } from '@pegase/curriculum/web';
import { enrolmentWeb } from '@pegase/enrolment/web';
import { referentialWeb } from '@pegase/referential/web';
import { registrationWeb } from '@pegase/registration/web';

/**
 * The modules whose pages the application shows, in menu order. A module's
 * descriptor is small (paths, roles, texts); its pages load on first use.
 */
export const webModules: WebModule[] = [referentialWeb, curriculumWeb, enrolmentWeb, registrationWeb, assessmentWeb];

for (const module of webModules) registerTranslations(module.name, module.translations);

import { defineWebModule } from '@pegase/web-kit';
import { curriculumEn } from './i18n/en.ts';
import { curriculumFr } from './i18n/fr.ts';

/**
 * The curriculum's pages: the formations of an academic year and the maquette
 * editor (tree, details, consistency report, validation, history), read-only
 * for teachers.
 */
export const curriculumWeb = defineWebModule({
  name: 'curriculum',
  translations: { fr: curriculumFr, en: curriculumEn },
  navigation: [{ path: '/curriculum', label: 'nav.curriculum', roles: ['staff', 'teacher'] }],
  pages: [
    { path: '/curriculum', roles: ['staff', 'teacher'], load: () => import('./formations/FormationsPage.tsx') },
    { path: '/curriculum/new', roles: ['staff'], load: () => import('./formations/NewFormationPage.tsx') },
    { path: '/curriculum/objects/:id', roles: ['staff', 'teacher'], load: () => import('./maquette/FormationPage.tsx') },
  ],
});

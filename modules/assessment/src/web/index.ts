import { defineWebModule } from '@pegase/web-kit';
import { assessmentEn } from './i18n/en.ts';
import { assessmentFr } from './i18n/fr.ts';

/**
 * Assessment's pages (COC): for staff and teachers, the mark sheets of a
 * formation's course elements as a keyboard-first grid (staff also create
 * assessments and lock sheets); for staff, the rules (MCC) of a formation's
 * paths and its juries (points, deliberation, publication, the results and
 * their explanations); for a student, their published results with the
 * transcript and pass certificate to download, and a card on their home;
 * for a teacher, a card on their home with the sheets they teach.
 */
export const assessmentWeb = defineWebModule({
  name: 'assessment',
  translations: { fr: assessmentFr, en: assessmentEn },
  navigation: [
    { path: '/mark-sheets', label: 'nav.markSheets', roles: ['staff', 'teacher'] },
    { path: '/assessment-rules', label: 'nav.rules', roles: ['staff'] },
    { path: '/juries', label: 'nav.juries', roles: ['staff'] },
    { path: '/my-results', label: 'nav.myResults', roles: ['student'] },
  ],
  pages: [
    { path: '/mark-sheets', roles: ['staff', 'teacher'], load: () => import('./staff/MarkSheetsPage.tsx') },
    { path: '/assessment-rules', roles: ['staff'], load: () => import('./staff/RulesPage.tsx') },
    { path: '/juries', roles: ['staff'], load: () => import('./staff/JuriesPage.tsx') },
    { path: '/my-results', roles: ['student'], load: () => import('./student/MyResultsPage.tsx') },
  ],
  home: [
    { id: 'assessment-my-results', kind: 'service', roles: ['student'], provides: 'myResults', load: () => import('./student/MyResultsCard.tsx') },
    {
      id: 'assessment-my-teaching',
      kind: 'service',
      roles: ['teacher'],
      provides: ['myTeaching', 'myMarks'],
      load: () => import('./teacher/MyTeachingCard.tsx'),
    },
  ],
});

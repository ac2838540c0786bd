import { defineWebModule } from '@pegase/web-kit';
import { registrationEn } from './i18n/en.ts';
import { registrationFr } from './i18n/fr.ts';

/**
 * Registration's pages (course choices, groups and class lists): for a
 * student, their cursus and the choices in its groupings while their
 * formation's window is open, the seats offered to them from a waiting
 * list, and a card on their home; for staff, a learner's cursus where they
 * choose at any time, exempt, record credits carried over and special
 * arrangements, the choice window of each formation, and the teaching
 * groups and class lists of a course (read only for teachers).
 */
export const registrationWeb = defineWebModule({
  name: 'registration',
  translations: { fr: registrationFr, en: registrationEn },
  navigation: [
    { path: '/course-choices', label: 'nav.courseChoices', roles: ['staff'] },
    { path: '/teaching-groups', label: 'nav.teachingGroups', roles: ['staff', 'teacher'] },
    { path: '/my-courses', label: 'nav.myCourses', roles: ['student'] },
  ],
  pages: [
    { path: '/my-courses', roles: ['student'], load: () => import('./student/MyCoursesPage.tsx') },
    { path: '/enrolments/:enrolmentId/cursus', roles: ['staff'], load: () => import('./staff/CursusPage.tsx') },
    { path: '/course-choices', roles: ['staff'], load: () => import('./staff/ChoiceWindowsPage.tsx') },
    { path: '/teaching-groups', roles: ['staff', 'teacher'], load: () => import('./staff/TeachingGroupsPage.tsx') },
  ],
  home: [{ id: 'registration-my-courses', kind: 'service', roles: ['student'], provides: 'myChoices', load: () => import('./student/MyCoursesCard.tsx') }],
});

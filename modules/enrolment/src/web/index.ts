import { defineWebModule } from '@pegase/web-kit';
import { enrolmentEn } from './i18n/en.ts';
import { enrolmentFr } from './i18n/fr.ts';

/**
 * Enrolment's pages: the back office's queue and one enrolment (documents
 * to check, decisions, history) for staff; for a student, their admissions
 * and enrolments on their home, the page where they start an enrolment from
 * an invitation, and the guided online enrolment (identity, contacts, bac,
 * documents, fees and payment, submission, certificate).
 */
export const enrolmentWeb = defineWebModule({
  name: 'enrolment',
  translations: { fr: enrolmentFr, en: enrolmentEn },
  navigation: [{ path: '/enrolments', label: 'nav.enrolments', roles: ['staff'] }],
  pages: [
    { path: '/enrolments', roles: ['staff'], load: () => import('./queue/EnrolmentsPage.tsx') },
    { path: '/enrolments/:id', roles: ['staff'], load: () => import('./enrolment/EnrolmentPage.tsx') },
    { path: '/my-enrolment', roles: ['student'], load: () => import('./student/StartEnrolmentPage.tsx') },
    { path: '/my-enrolment/:id', roles: ['student'], load: () => import('./student/MyEnrolmentPage.tsx') },
  ],
  home: [
    { id: 'enrolment-queue', kind: 'queue', roles: ['staff'], load: () => import('./home/EnrolmentQueue.tsx') },
    { id: 'enrolment-mine', kind: 'service', roles: ['student'], provides: 'myEnrolment', load: () => import('./home/MyEnrolmentsCard.tsx') },
  ],
});

import type { PermissionDeclaration } from '@pegase/platform';

export const enrolmentPermissions = {
  learnersRead: 'enrolment.learners.read',
  learnersWrite: 'enrolment.learners.write',
  self: 'enrolment.self',
  enrolmentsRead: 'enrolment.enrolments.read',
  enrolmentsWrite: 'enrolment.enrolments.write',
  feed: 'enrolment.feed.read',
  requirements: 'enrolment.requirements.write',
  admissions: 'enrolment.admissions.write',
  reinscriptions: 'enrolment.reinscriptions.write',
} as const;

export const enrolmentPermissionDeclarations: PermissionDeclaration[] = [
  { name: enrolmentPermissions.learnersRead, description: 'Find and read learners (identity, contacts, bac).', roles: ['staff', 'service'] },
  {
    name: enrolmentPermissions.learnersWrite,
    description: 'Create learners and correct their identity; probable duplicates are reported, never merged.',
    roles: ['staff', 'service'],
  },
  { name: enrolmentPermissions.self, description: 'A student reads and completes their own record.', roles: ['student'] },
  {
    name: enrolmentPermissions.enrolmentsRead,
    description: 'Read enrolments and the back-office queue; staff for the enrolment points their structures own.',
    roles: ['staff', 'service'],
  },
  {
    name: enrolmentPermissions.enrolmentsWrite,
    description: 'Create, submit, validate and cancel enrolments; staff for the enrolment points their structures own.',
    roles: ['staff', 'service'],
  },
  {
    name: enrolmentPermissions.feed,
    description: 'Stream every enrolment changed since a cursor (directory provisioning, card services).',
    roles: ['service'],
  },
  {
    name: enrolmentPermissions.admissions,
    description:
      'Import admitted candidates (Parcoursup, eCandidat, a jury) at an enrolment point and read its admissions; staff for the points of their structures.',
    roles: ['staff', 'service'],
  },
  { name: enrolmentPermissions.reinscriptions, description: 'Invite the learners of a period to enrol again in the next one.', roles: [] },
  { name: enrolmentPermissions.requirements, description: 'Set which supporting documents are required, for which points, régimes and profiles.', roles: [] },
];

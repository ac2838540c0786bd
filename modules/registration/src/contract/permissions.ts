import type { PermissionDeclaration } from '@pegase/platform';

export const registrationPermissions = {
  cursusRead: 'registration.cursus.read',
  cursusWrite: 'registration.cursus.write',
  windowsWrite: 'registration.windows.write',
  self: 'registration.self',
} as const;

export const registrationPermissionDeclarations: PermissionDeclaration[] = [
  {
    name: registrationPermissions.cursusRead,
    description: 'Read the cursus of learners and the seats of objects; staff for the enrolment points their structures own.',
    roles: ['staff', 'service'],
  },
  {
    name: registrationPermissions.cursusWrite,
    description: 'Choose in a learner’s groupings at any time (window or not); staff for the enrolment points their structures own.',
    roles: ['staff'],
  },
  { name: registrationPermissions.windowsWrite, description: 'Set the choice window of a formation.', roles: ['staff'] },
  {
    name: registrationPermissions.self,
    description: 'A student reads their cursus and chooses in its groupings while their formation’s choice window is open.',
    roles: ['student'],
  },
];

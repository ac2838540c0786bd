import type { PermissionDeclaration } from '@pegase/platform';

export const registrationPermissions = {
  cursusRead: 'registration.cursus.read',
  cursusWrite: 'registration.cursus.write',
  windowsWrite: 'registration.windows.write',
  classesRead: 'registration.classes.read',
  groupsWrite: 'registration.groups.write',
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
    description:
      'Choose in a learner’s groupings at any time (window or not), record exemptions, credits carried over and special arrangements; staff for the enrolment points their structures own.',
    roles: ['staff'],
  },
  {
    name: registrationPermissions.classesRead,
    description: 'Read the teaching groups and class lists of an object (CSV too); staff and teachers for the objects their structures own.',
    roles: ['staff', 'teacher', 'service'],
  },
  {
    name: registrationPermissions.groupsWrite,
    description: 'Create the teaching groups of an object, place learners in them by hand or split them evenly; staff for the objects their structures own.',
    roles: ['staff'],
  },
  { name: registrationPermissions.windowsWrite, description: 'Set the choice window of a formation.', roles: ['staff'] },
  {
    name: registrationPermissions.self,
    description: 'A student reads their cursus and chooses in its groupings while their formation’s choice window is open.',
    roles: ['student'],
  },
];

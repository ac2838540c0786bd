import type { PermissionDeclaration } from '@pegase/platform';

export const curriculumPermissions = {
  read: 'curriculum.read',
  write: 'curriculum.write',
  validate: 'curriculum.validate',
  unfreeze: 'curriculum.unfreeze',
  periods: 'curriculum.periods.write',
  types: 'curriculum.types.write',
} as const;

export const curriculumPermissionDeclarations: PermissionDeclaration[] = [
  {
    name: curriculumPermissions.read,
    description: 'Read the training offer, its trees, paths and consistency reports.',
    roles: ['teacher', 'staff', 'service'],
  },
  {
    name: curriculumPermissions.write,
    description: 'Create, change, link and import training objects; staff only for objects owned by the structures they manage.',
    roles: ['staff', 'service'],
  },
  {
    name: curriculumPermissions.validate,
    description: 'Validate a formation (freeze it for enrolment and choices); staff within their structures.',
    roles: ['staff'],
  },
  { name: curriculumPermissions.unfreeze, description: 'Change a validated object (audited, announced).', roles: [] },
  { name: curriculumPermissions.periods, description: 'Copy a whole period’s offer to the next period; archive a period’s offer.', roles: [] },
  { name: curriculumPermissions.types, description: 'Add kinds of training objects.', roles: [] },
];

import type { PermissionDeclaration } from '@pegase/platform';

export const referentialPermissions = {
  read: 'referential.read',
  writeEstablishment: 'referential.establishment.write',
  writeStructures: 'referential.structures.write',
  writePeriods: 'referential.periods.write',
  writeNomenclatures: 'referential.nomenclatures.write',
  readHistory: 'referential.history.read',
} as const;

export const referentialPermissionDeclarations: PermissionDeclaration[] = [
  {
    name: referentialPermissions.read,
    description: 'Read the establishment, structures, periods and nomenclatures.',
    roles: ['student', 'teacher', 'staff', 'service'],
  },
  { name: referentialPermissions.writeEstablishment, description: 'Set the establishment identity (UAI, names).', roles: [] },
  {
    name: referentialPermissions.writeStructures,
    description: 'Create, change, move and close structures; staff only below the structures they manage.',
    roles: ['staff'],
  },
  { name: referentialPermissions.writePeriods, description: 'Create and change academic periods.', roles: [] },
  { name: referentialPermissions.writeNomenclatures, description: 'Create nomenclatures, add, change and import their values.', roles: ['service'] },
  {
    name: referentialPermissions.readHistory,
    description: 'Read the change history of referential records: who changed what and when, from which value to which.',
    roles: ['staff'],
  },
];

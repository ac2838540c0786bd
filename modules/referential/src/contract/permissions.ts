import type { PermissionDeclaration } from '@pegase/platform';

export const referentialPermissions = {
  read: 'referential.read',
  writeEstablishment: 'referential.establishment.write',
  writeStructures: 'referential.structures.write',
  writePeriods: 'referential.periods.write',
  writeNomenclatures: 'referential.nomenclatures.write',
} as const;

export const referentialPermissionDeclarations: PermissionDeclaration[] = [
  { name: referentialPermissions.read, description: 'Read the establishment, structures, periods and nomenclatures.' },
  { name: referentialPermissions.writeEstablishment, description: 'Set the establishment identity (UAI, names).' },
  { name: referentialPermissions.writeStructures, description: 'Create, change, move and close structures.' },
  { name: referentialPermissions.writePeriods, description: 'Create and change academic periods.' },
  { name: referentialPermissions.writeNomenclatures, description: 'Create nomenclatures, add, change and import their values.' },
];

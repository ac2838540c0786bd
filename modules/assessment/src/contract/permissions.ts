import type { PermissionDeclaration } from '@pegase/platform';

export const assessmentPermissions = {
  rulesRead: 'assessment.rules.read',
  rulesWrite: 'assessment.rules.write',
  rulesFreeze: 'assessment.rules.freeze',
  rulesUnfreeze: 'assessment.rules.unfreeze',
  marksRead: 'assessment.marks.read',
  marksWrite: 'assessment.marks.write',
  sheetsManage: 'assessment.sheets.manage',
  resultsRead: 'assessment.results.read',
  juriesManage: 'assessment.juries.manage',
  self: 'assessment.self',
} as const;

/**
 * Staff and teachers act on the objects their structures (or one above them)
 * own; admins and services everywhere. There is no teaching assignment yet: a
 * teacher reaches every object of their structures.
 */
export const assessmentPermissionDeclarations: PermissionDeclaration[] = [
  {
    name: assessmentPermissions.rulesRead,
    description: 'Read the assessment rules (MCC) of a path and the assessments of a course element; staff and teachers for the objects their structures own.',
    roles: ['staff', 'teacher', 'service'],
  },
  {
    name: assessmentPermissions.rulesWrite,
    description: 'Set the assessment rules (MCC) of a path; staff for the objects their structures own.',
    roles: ['staff'],
  },
  {
    name: assessmentPermissions.rulesFreeze,
    description: 'Freeze the adopted MCC (rules and assessments) of a formation for a period; staff for the formations their structures own.',
    roles: ['staff'],
  },
  {
    name: assessmentPermissions.rulesUnfreeze,
    description: 'Unfreeze adopted MCC so that they may change again (with a reason); administrators only.',
    roles: [],
  },
  {
    name: assessmentPermissions.sheetsManage,
    description: 'Create the assessments (épreuves) of a course element, lock and unlock their mark sheets; staff for the objects their structures own.',
    roles: ['staff'],
  },
  {
    name: assessmentPermissions.marksRead,
    description: 'Read a mark sheet and the history of a mark; staff and teachers for the objects their structures own.',
    roles: ['staff', 'teacher', 'service'],
  },
  {
    name: assessmentPermissions.marksWrite,
    description: 'Enter the marks of an unlocked sheet; staff and teachers for the objects their structures own.',
    roles: ['staff', 'teacher'],
  },
  {
    name: assessmentPermissions.resultsRead,
    description: 'Compute the results of an enrolment (not stored, not published); staff for the enrolment points their structures own.',
    roles: ['staff', 'service'],
  },
  {
    name: assessmentPermissions.juriesManage,
    description:
      'Hold the jury of a formation: give jury points, deliberate (store and freeze the results), publish them; staff for the formations their structures own.',
    roles: ['staff'],
  },
  { name: assessmentPermissions.self, description: 'A student reads their own published results.', roles: ['student'] },
];

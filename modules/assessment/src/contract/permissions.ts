import type { PermissionDeclaration } from '@pegase/platform';

export const assessmentPermissions = {
  rulesRead: 'assessment.rules.read',
  rulesWrite: 'assessment.rules.write',
  rulesFreeze: 'assessment.rules.freeze',
  rulesUnfreeze: 'assessment.rules.unfreeze',
  marksRead: 'assessment.marks.read',
  marksWrite: 'assessment.marks.write',
  sheetsManage: 'assessment.sheets.manage',
  teachingManage: 'assessment.teaching.manage',
  teachingRead: 'assessment.teaching.read',
  teachingSelf: 'assessment.teaching.self',
  resultsRead: 'assessment.results.read',
  juriesManage: 'assessment.juries.manage',
  self: 'assessment.self',
} as const;

/**
 * Staff act on the objects their structures (or one above them) own; admins
 * and services everywhere. A teacher reads the rules of their structures'
 * objects, but reads and enters marks only on the sheets of the course
 * elements they teach (teaching assignments, made by staff).
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
    description:
      'Read a mark sheet, the history of a mark and the sheet as a spreadsheet to fill in; staff for the objects their structures own, teachers for the course elements they teach.',
    roles: ['staff', 'teacher', 'service'],
  },
  {
    name: assessmentPermissions.marksWrite,
    description:
      'Enter the marks of an unlocked sheet, by hand or from a spreadsheet (CSV, XLSX); staff for the objects their structures own, teachers for the course elements they teach.',
    roles: ['staff', 'teacher'],
  },
  {
    name: assessmentPermissions.teachingManage,
    description: 'Assign the teachers of a course element (who read and enter its marks); staff for the objects their structures own.',
    roles: ['staff'],
  },
  {
    name: assessmentPermissions.teachingRead,
    description: 'Read who teaches a course element; staff and teachers for the objects their structures own.',
    roles: ['staff', 'teacher', 'service'],
  },
  {
    name: assessmentPermissions.teachingSelf,
    description: 'A teacher lists the course elements they teach and their mark sheets.',
    roles: ['teacher'],
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

import type { PermissionDeclaration } from '@pegase/platform';

export const documentsPermissions = {
  certificatesRead: 'documents.certificates.read',
  self: 'documents.self',
} as const;

export const documentsPermissionDeclarations: PermissionDeclaration[] = [
  {
    name: documentsPermissions.certificatesRead,
    description:
      'Issue and download the certificate of enrolment of a validated enrolment, and the transcript and pass certificate of a published result; staff for the enrolment points their structures own.',
    roles: ['staff', 'service'],
  },
  {
    name: documentsPermissions.self,
    description:
      'A student downloads the certificates of their own validated enrolments, and the transcripts and pass certificates of their own published results.',
    roles: ['student'],
  },
];

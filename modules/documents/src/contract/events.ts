import { defineEvent } from '@pegase/platform';
import { Certificate } from './certificates.ts';

export const documentsEvents = {
  certificateIssued: defineEvent(
    'documents.certificate.issued',
    'A certificate of enrolment, a transcript or a pass certificate was issued (`kind`; each download is an issue, with its own verification code).',
    Certificate,
  ),
  certificateRevoked: defineEvent(
    'documents.certificate.revoked',
    'A certificate no longer holds: its enrolment was cancelled. Its verification page says so.',
    Certificate,
  ),
} as const;

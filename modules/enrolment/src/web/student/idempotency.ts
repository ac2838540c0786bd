const PREFIX = 'pegase.enrolment.submit.';

/**
 * The key of an enrolment's submission, kept in the tab's session storage:
 * a reload or a retry after a network error sends the same key, and the
 * server answers the same submission instead of making a second one. Drawn
 * on first use; forgotten once the submission is known to have gone through.
 */
export function submissionKey(enrolmentId: string, storage: Pick<Storage, 'getItem' | 'setItem'> = sessionStorage): string {
  const name = PREFIX + enrolmentId;
  const kept = storage.getItem(name);
  if (kept) return kept;
  const key = crypto.randomUUID();
  storage.setItem(name, key);
  return key;
}

export function forgetSubmissionKey(enrolmentId: string, storage: Pick<Storage, 'removeItem'> = sessionStorage): void {
  storage.removeItem(PREFIX + enrolmentId);
}

/** The steps of the online enrolment, in their order; each has its address (`?step=`). */
export const STEPS = ['identity', 'contacts', 'bac', 'documents', 'fees', 'submit', 'certificate'] as const;
export type StepId = (typeof STEPS)[number];

export function isStep(value: string | null): value is StepId {
  return (STEPS as readonly string[]).includes(value ?? '');
}

/** What the page knows of the enrolment when it decides where the student stands. */
export interface EnrolmentFacts {
  status: 'draft' | 'submitted' | 'validated' | 'cancelled';
  paymentStatus: 'none' | 'unpaid' | 'pending' | 'paid' | 'exempt';
  previousSituation: unknown;
  record: {
    sex: string;
    birthCountry: string;
    nationality: string | null;
    email: string | null;
    phone: string | null;
    address: unknown;
    bac: unknown;
  };
  documents: { mandatory: boolean; status: 'missing' | 'submitted' | 'accepted' | 'rejected' }[];
  /** The fees come to zero (an exemption by profile); undefined when they are not known (not computable yet). */
  nothingToPay: boolean | undefined;
}

/**
 * What a step's label says about it: done, to do, to fix (a rejected
 * document), to pay; `missing` for a form step left incomplete once the
 * enrolment is submitted (the student can no longer fill it in).
 */
export type StepState = 'done' | 'toComplete' | 'fix' | 'toPay' | 'missing' | 'available' | 'unavailable';

function documentsToFix(facts: EnrolmentFacts): boolean {
  return facts.documents.some((document) => document.status === 'rejected');
}

function documentsMissing(facts: EnrolmentFacts): boolean {
  return facts.documents.some((document) => document.mandatory && document.status === 'missing');
}

/** Paid or waived, or nothing to pay: the fees ask nothing more of the student. */
export function feesSettled(facts: Pick<EnrolmentFacts, 'paymentStatus' | 'nothingToPay'>): boolean {
  return facts.paymentStatus === 'paid' || facts.paymentStatus === 'exempt' || facts.nothingToPay === true;
}

/** The certificate is issued once validated, or provisionally once submitted with the fees paid or waived. */
export function certificateAvailable(facts: Pick<EnrolmentFacts, 'status' | 'paymentStatus'>): boolean {
  return facts.status === 'validated' || (facts.status === 'submitted' && (facts.paymentStatus === 'paid' || facts.paymentStatus === 'exempt'));
}

export function stepState(step: StepId, facts: EnrolmentFacts): StepState {
  const { record } = facts;
  const form = (complete: unknown): StepState => (complete ? 'done' : facts.status === 'draft' ? 'toComplete' : 'missing');
  switch (step) {
    case 'identity':
      return form(record.sex && record.birthCountry && record.nationality);
    case 'contacts':
      return form(record.email && record.phone && record.address);
    case 'bac':
      return form(record.bac && facts.previousSituation);
    case 'documents':
      return documentsToFix(facts) ? 'fix' : documentsMissing(facts) ? 'toComplete' : 'done';
    case 'fees':
      return feesSettled(facts) ? 'done' : 'toPay';
    case 'submit':
      return facts.status === 'draft' ? 'toComplete' : 'done';
    case 'certificate':
      return certificateAvailable(facts) ? 'available' : 'unavailable';
  }
}

/**
 * The step to open when the student comes back without naming one: the
 * first that still asks something of them. A draft goes through the form
 * steps, the documents, the fees when there is something to pay, then the
 * submission; a submitted enrolment goes to a rejected document, then to the
 * fees, then to its certificate.
 */
export function resumeStep(facts: EnrolmentFacts): StepId {
  const toPay = !feesSettled(facts) && facts.nothingToPay === false && facts.status !== 'cancelled';
  if (facts.status === 'draft') {
    const form = (['identity', 'contacts', 'bac', 'documents'] as const).find((step) => stepState(step, facts) !== 'done');
    return form ?? (toPay ? 'fees' : 'submit');
  }
  if (facts.status === 'submitted') {
    if (documentsToFix(facts) || documentsMissing(facts)) return 'documents';
    return toPay ? 'fees' : 'certificate';
  }
  return facts.status === 'validated' ? 'certificate' : 'documents';
}

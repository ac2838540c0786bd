import { describe, expect, it } from 'vitest';
import { certificateAvailable, isStep, resumeStep, stepState, type EnrolmentFacts } from './steps.ts';

const complete: EnrolmentFacts = {
  status: 'draft',
  paymentStatus: 'unpaid',
  previousSituation: { situation: 'LYCEE', year: 2025 },
  record: {
    sex: 'M',
    birthCountry: '109',
    nationality: '109',
    email: 'hugo@example.org',
    phone: '06 12 34 56 78',
    address: { line1: '1 rue A', city: 'Lyon', country: '100' },
    bac: { year: 2022, series: 'GENERAL' },
  },
  documents: [
    { mandatory: true, status: 'submitted' },
    { mandatory: false, status: 'missing' },
  ],
  nothingToPay: false,
};
const facts = (changes: Partial<EnrolmentFacts>, record: Partial<EnrolmentFacts['record']> = {}): EnrolmentFacts => ({
  ...complete,
  ...changes,
  record: { ...complete.record, ...record },
});

describe('where a student resumes their online enrolment', () => {
  it('opens the first step of a draft that still asks something', () => {
    expect(resumeStep(facts({}, { nationality: null }))).toBe('identity');
    expect(resumeStep(facts({}, { phone: null }))).toBe('contacts');
    expect(resumeStep(facts({ previousSituation: null }))).toBe('bac');
    expect(resumeStep(facts({}, { bac: null }))).toBe('bac');
    expect(resumeStep(facts({ documents: [{ mandatory: true, status: 'missing' }] }))).toBe('documents');
    // An optional document missing holds nothing.
    expect(resumeStep(complete)).toBe('fees');
  });

  it('goes past the fees when they are settled, come to nothing or are not known', () => {
    expect(resumeStep(facts({ paymentStatus: 'paid' }))).toBe('submit');
    expect(resumeStep(facts({ nothingToPay: true }))).toBe('submit');
    expect(resumeStep(facts({ nothingToPay: undefined }))).toBe('submit');
    // A payment left at the bank is still to pay.
    expect(resumeStep(facts({ paymentStatus: 'pending' }))).toBe('fees');
  });

  it('sends a submitted enrolment to a rejected document, then to the fees, then to its certificate', () => {
    expect(resumeStep(facts({ status: 'submitted', documents: [{ mandatory: true, status: 'rejected' }], paymentStatus: 'paid' }))).toBe('documents');
    expect(resumeStep(facts({ status: 'submitted' }))).toBe('fees');
    expect(resumeStep(facts({ status: 'submitted', paymentStatus: 'paid' }))).toBe('certificate');
    expect(resumeStep(facts({ status: 'validated', paymentStatus: 'exempt' }))).toBe('certificate');
    expect(resumeStep(facts({ status: 'cancelled' }))).toBe('documents');
  });

  it('says the state of each step', () => {
    expect(stepState('identity', complete)).toBe('done');
    expect(stepState('documents', facts({ documents: [{ mandatory: false, status: 'rejected' }] }))).toBe('fix');
    expect(stepState('fees', complete)).toBe('toPay');
    expect(stepState('contacts', facts({ status: 'submitted' }, { phone: null }))).toBe('missing');
    expect(stepState('contacts', facts({}, { phone: null }))).toBe('toComplete');
    expect(stepState('submit', complete)).toBe('toComplete');
    expect(stepState('submit', facts({ status: 'submitted' }))).toBe('done');
    expect(stepState('certificate', complete)).toBe('unavailable');
  });

  it('offers the certificate once submitted and paid or waived, or validated', () => {
    expect(certificateAvailable({ status: 'submitted', paymentStatus: 'unpaid' })).toBe(false);
    expect(certificateAvailable({ status: 'submitted', paymentStatus: 'paid' })).toBe(true);
    expect(certificateAvailable({ status: 'submitted', paymentStatus: 'exempt' })).toBe(true);
    expect(certificateAvailable({ status: 'draft', paymentStatus: 'paid' })).toBe(false);
    expect(certificateAvailable({ status: 'validated', paymentStatus: 'paid' })).toBe(true);
  });

  it('knows its steps by name', () => {
    expect(isStep('fees')).toBe(true);
    expect(isStep('payment')).toBe(false);
    expect(isStep(null)).toBe(false);
  });
});

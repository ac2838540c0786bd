import { describe, expect, it } from 'vitest';
import { textParityProblems } from '@pegase/web-kit/text-parity';
import { enrolmentEn } from './en.ts';
import { enrolmentFr } from './fr.ts';

describe('enrolment’s texts', () => {
  it('say the same things in French and English, with the same placeholders', () => {
    expect(textParityProblems(enrolmentFr, enrolmentEn)).toEqual([]);
  });

  it('name every status, fee and document state the API answers', () => {
    expect(Object.keys(enrolmentFr.status).sort()).toEqual(['cancelled', 'draft', 'submitted', 'validated']);
    expect(Object.keys(enrolmentFr.payment).sort()).toEqual(['exempt', 'none', 'paid', 'pending', 'unpaid']);
    expect(Object.keys(enrolmentFr.documentStatus).sort()).toEqual(['accepted', 'missing', 'rejected', 'submitted']);
  });
});

import { describe, expect, it } from 'vitest';
import { flattenTexts, textParityProblems } from '@pegase/web-kit/text-parity';
import { assessmentEn } from './en.ts';
import { assessmentFr } from './fr.ts';

describe('assessment’s texts', () => {
  it('say the same things in French and English, with the same placeholders', () => {
    expect(textParityProblems(assessmentFr, assessmentEn)).toEqual([]);
  });

  it('name every decision, honour and reason of the results engine, and every problem of assessment', () => {
    expect(Object.keys(assessmentFr.decision).sort()).toEqual(['ABJ', 'ADM', 'AJ', 'CMP', 'DEF', 'DIS', 'INC']);
    expect(Object.keys(assessmentFr.honours).sort()).toEqual(['AB', 'B', 'P', 'TB']);
    expect(Object.keys(assessmentFr.reason).sort()).toEqual(
      [
        'below-pass-mark',
        'carried-over',
        'child-failed',
        'compensated',
        'eliminatory',
        'exempted',
        'incomplete',
        'justified-absence',
        'pass-mark-reached',
        'unjustified-absence',
      ].sort(),
    );
    expect(Object.keys(assessmentFr.problems).sort()).toEqual(
      [
        'invalid-marks',
        'sheet-locked',
        'invalid-rule',
        'not-a-course-element',
        'duplicate-code',
        'jury-deliberated',
        'jury-not-deliberated',
        'invalid-points',
        'no-cursus',
        'duplicate',
        'invalid-import',
        'unreadable-file',
        'not-teaching',
        'rules-frozen',
      ].sort(),
    );
  });

  it('write French with typographic apostrophes', () => {
    for (const [path, text] of flattenTexts(assessmentFr)) expect(text, path).not.toContain("'");
  });
});

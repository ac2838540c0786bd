import { describe, expect, it } from 'vitest';
import { academicYearOf, formatDate, holderName } from './certificate-texts.ts';
import { groupCode, newVerificationCode, normaliseCode } from './verification-code.ts';
import { prefersJson } from './verification-routes.ts';
import { publicUrlFromEnvironment } from '../module.ts';

describe('verification codes', () => {
  it('are 20 characters of base 32, all different', () => {
    const codes = Array.from({ length: 2000 }, () => newVerificationCode());
    for (const code of codes) expect(code).toMatch(/^[A-Z2-7]{20}$/);
    expect(new Set(codes).size).toBe(codes.length);
    // Every character of the alphabet turns up: the bits are spread, not stuck.
    expect(new Set(codes.join('')).size).toBe(32);
  });

  it('read as typed: case, spaces and hyphens ignored, look-alike digits read as letters', () => {
    expect(groupCode('K7QMZXRTAB4CQZZPLM3D')).toBe('K7QM-ZXRT-AB4C-QZZP-LM3D');
    expect(normaliseCode('k7qm-zxrt ab4c-qzzp-lm3d')).toBe('K7QMZXRTAB4CQZZPLM3D');
    expect(normaliseCode('K7QM-ZXRT-AB4C-QZZP-LM30')).toBe('K7QMZXRTAB4CQZZPLM3O');
    expect(normaliseCode('K7QM')).toBeUndefined();
    expect(normaliseCode('<script>alert(1)</script>')).toBeUndefined();
  });
});

describe('certificate wording', () => {
  it('writes dates the French and the English way', () => {
    expect(formatDate('2006-01-01', 'fr')).toBe('1er janvier 2006');
    expect(formatDate('2003-03-14', 'fr')).toBe('14 mars 2003');
    expect(formatDate('2006-01-01', 'en')).toBe('1 January 2006');
    // An instant is its day in Paris: 23:30 UTC on 31 December is already 1 January there.
    expect(formatDate(new Date('2026-12-31T23:30:00Z'), 'fr')).toBe('1er janvier 2027');
  });

  it('names the academic year and the holder', () => {
    expect(academicYearOf('2026-09-01', '2027-08-31')).toBe('2026-2027');
    expect(academicYearOf('2027-01-15', '2027-06-30')).toBe('2027');
    const holder = {
      learnerId: 'x',
      code: 'PGS0000004',
      ine: null,
      familyName: 'Lefèvre',
      usageName: 'Nguyễn',
      givenNames: 'Éloïse',
      birthDate: '2003-01-30',
      sex: 'F',
    };
    expect(holderName(holder, 'fr')).toBe('Éloïse LEFÈVRE (nom d’usage NGUYỄN)');
    expect(holderName({ ...holder, usageName: null }, 'en')).toBe('Éloïse LEFÈVRE');
  });
});

describe('the verification route', () => {
  it('answers JSON only to a client that prefers it', () => {
    expect(prefersJson('application/json')).toBe(true);
    expect(prefersJson('application/problem+json, application/json')).toBe(true);
    expect(prefersJson('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')).toBe(false);
    expect(prefersJson('*/*')).toBe(false);
    expect(prefersJson(undefined)).toBe(false);
    expect(prefersJson('text/html;q=0.5, application/json')).toBe(true);
  });

  it('prints the public URL of the process, else localhost and its port', () => {
    expect(publicUrlFromEnvironment({ PEGASE_PUBLIC_URL: 'https://scolarite.univ.fr/' })).toBe('https://scolarite.univ.fr');
    expect(publicUrlFromEnvironment({ PORT: '9090' })).toBe('http://localhost:9090');
    expect(publicUrlFromEnvironment({})).toBe('http://localhost:8080');
  });
});

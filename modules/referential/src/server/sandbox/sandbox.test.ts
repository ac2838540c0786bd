import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRuntime, type TestRuntime } from '@pegase/platform/testing';
import { referentialModule } from '../module.ts';

describe('the referential sandbox', () => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await createTestRuntime([referentialModule], { sandbox: true });
  });
  afterAll(async () => runtime.close());
  const get = async (path: string) => (await runtime.request('GET', `/api/referential/v1${path}`)).json();

  it('is a plausible university with its faculties, departments, periods and nomenclatures', async () => {
    expect(await get('/establishment')).toMatchObject({ uai: '0999999F', name: 'Université Pégase' });
    const faculties = await get('/structures?parentId=none&type=ufr&sort=code');
    expect(faculties.items.map((s: { code: string }) => s.code)).toEqual(['UFR-DEG', 'UFR-LLSH', 'UFR-SCI']);
    const sciences = faculties.items.find((s: { code: string }) => s.code === 'UFR-SCI');
    const departments = await get(`/structures?parentId=${sciences.id}&type=department`);
    expect(departments.items.length).toBeGreaterThanOrEqual(4);
    const years = await get('/periods?type=academic-year&sort=code');
    expect(years.items.map((p: { code: string }) => p.code)).toEqual(['2025-2026', '2026-2027']);
    const series = await get('/nomenclatures/BAC-SERIES/values?at=2026-06-01&limit=200');
    expect(series.items.map((v: { code: string }) => v.code)).toContain('GENERAL');
    expect(series.items.map((v: { code: string }) => v.code)).not.toContain('S');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenClaims } from '@pegase/platform';
import { createTestRuntime, type TestRuntime } from '@pegase/platform/testing';
import { referentialModule } from '../module.ts';

const base = '/api/referential/v1/nomenclatures';
const staff: TokenClaims = { subject: 'u-staff', login: 'staff.person', roles: ['staff'] };
const teacher: TokenClaims = { subject: 'u-teacher', roles: ['teacher'] };

describe('the history of nomenclatures and their values over HTTP', () => {
  let runtime: TestRuntime;
  let value: { id: string };
  let other: { id: string };

  beforeAll(async () => {
    runtime = await createTestRuntime([referentialModule]);
    const ok = (response: { statusCode: number; body: string }, status: number) => expect(response.statusCode, response.body).toBe(status);
    ok(await runtime.request('POST', base, { code: 'HIST-N', labels: { fr: 'Historique' } }), 201);
    ok(await runtime.request('POST', base, { code: 'HIST-O', labels: { fr: 'Autre' } }), 201);
    ok(await runtime.request('PATCH', `${base}/HIST-N`, { description: 'Avec une description' }), 200);
    const created = await runtime.request('POST', `${base}/HIST-N/values`, { code: 'V1', labels: { fr: 'Valeur' }, validFrom: '2000-01-01' });
    ok(created, 201);
    value = created.json() as { id: string };
    const otherValue = await runtime.request('POST', `${base}/HIST-O/values`, { code: 'V1', labels: { fr: 'Autre valeur' }, validFrom: '2000-01-01' });
    ok(otherValue, 201);
    other = otherValue.json() as { id: string };
    ok(await runtime.request('PATCH', `${base}/HIST-N/values/${value.id}`, { validTo: '2030-12-31' }), 200);
    // An import changes the value again: its history says so too.
    ok(
      await runtime.request('POST', `${base}/HIST-N/values/import`, 'code,label_fr,valid_from,valid_to\nV1,Valeur importée,2000-01-01,2030-12-31\n', {
        'content-type': 'text/csv',
      }),
      200,
    );
  });
  afterAll(async () => runtime.close());

  const get = (url: string, as: TokenClaims = staff) => runtime.request('GET', url, undefined, {}, as);

  it('shows the changes of the nomenclature itself, not those of its values or of another nomenclature', async () => {
    const response = await get(`${base}/HIST-N/history`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().items).toMatchObject([
      {
        action: 'nomenclature.updated',
        target: { type: 'nomenclature', id: 'HIST-N' },
        changedFields: ['description'],
        after: { description: 'Avec une description' },
      },
      { action: 'nomenclature.created', target: { type: 'nomenclature', id: 'HIST-N' } },
    ]);
  });

  it('shows the changes of one value, by the API and by an import, newest first', async () => {
    const response = await get(`${base}/HIST-N/values/${value.id}/history`);
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json().items as { action: string; target: { id: string }; changedFields: string[]; after: { labels: { fr: string } } }[];
    expect(items.map((e) => e.action)).toEqual(['nomenclature-value.updated', 'nomenclature-value.updated', 'nomenclature-value.created']);
    expect(items[0]!.changedFields).toEqual(['labels']);
    expect(items[1]!.changedFields).toEqual(['validTo']);
    expect(items.every((e) => e.target.id === value.id)).toBe(true);
    expect(items[0]!.after.labels.fr).toBe('Valeur importée');
  });

  it('answers 404 for an unknown nomenclature, an unknown value, or a value asked under another nomenclature', async () => {
    for (const url of [
      `${base}/NOPE/history`,
      `${base}/HIST-N/values/00000000-0000-4000-8000-000000000000/history`,
      `${base}/HIST-N/values/${other.id}/history`,
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().type).toBe('urn:pegase:problem:not-found');
    }
  });

  it('is refused to teachers', async () => {
    expect((await get(`${base}/HIST-N/history`, teacher)).statusCode).toBe(403);
    expect((await get(`${base}/HIST-N/values/${value.id}/history`, teacher)).statusCode).toBe(403);
  });
});

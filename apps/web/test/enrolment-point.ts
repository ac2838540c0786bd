import type { WebHarness } from './harness.ts';

/**
 * What the enrolment browser tests stand on: a formation of SCI-INFO in the
 * sandbox's 2026-2027, whose first year is an enrolment point, validated
 * through the curriculum's API (its event brings the point to enrolment,
 * payment and documents, delivered before this returns).
 */
export async function validatedEnrolmentPoint(
  h: WebHarness,
  code: string,
  labels: { formation: { fr: string; en: string }; year: { fr: string; en: string } },
): Promise<{ periodId: string; pointId: string }> {
  const years = await h.call<{ items: { id: string; code: string }[] }>('GET', '/api/referential/v1/periods?type=academic-year&sort=code&limit=20');
  const period = years.items.find((year) => year.code === '2026-2027')!;
  const structures = await h.call<{ items: { id: string; code: string }[] }>('GET', '/api/referential/v1/structures?q=SCI-INFO&sort=code&limit=50');
  const owner = structures.items.find((structure) => structure.code === 'SCI-INFO')!;
  const formation = await h.call('POST', '/api/curriculum/v1/objects', {
    periodId: period.id,
    code,
    type: 'formation',
    labels: labels.formation,
    ownerStructureId: owner.id,
  });
  const point = await h.call('POST', '/api/curriculum/v1/objects', {
    periodId: period.id,
    code: `${code}-L1`,
    type: 'year',
    labels: labels.year,
    enrolmentPoint: true,
    ownerStructureId: owner.id,
    parentId: formation.id,
  });
  await h.call('POST', `/api/curriculum/v1/objects/${formation.id}/validate`);
  await h.runtime.dispatcher.drain();
  return { periodId: period.id, pointId: point.id };
}

/** The id of a sandbox learner, by learner code. */
export async function learnerId(h: WebHarness, code: string): Promise<string> {
  const found = await h.call<{ items: { id: string; code: string }[] }>('GET', `/api/enrolment/v1/learners?q=${code}&sort=code&limit=10`);
  return found.items.find((item) => item.code === code)!.id;
}

import type { TokenClaims } from '@pegase/platform';
import { enrolmentRuntime, staffOf } from '@pegase/enrolment/testing';
import { paymentModule } from '../src/server/module.ts';
import { sign, SIGNATURE_HEADER } from '../src/server/provider/signature.ts';
import { testProviderSecret } from '../src/server/provider/test-provider.ts';

export const student = (learnerCode: string): TokenClaims => ({
  subject: `student-${learnerCode}`,
  login: learnerCode.toLowerCase(),
  roles: ['student'],
  learnerCode,
});

export { staffOf };

/** Licence 178 €, Master 254,50 € (odd cents, for the rounding), BOURSIER and PUPILLE exempt, two reductions, an extra line for the Master. */
export const RULES = {
  levels: [
    { level: 'LICENCE', labels: { fr: 'Droits d’inscription — Licence', en: 'Tuition fees — Licence' }, amountCents: 17800 },
    { level: 'MASTER', labels: { fr: 'Droits d’inscription — Master' }, amountCents: 25450 },
  ],
  adjustments: [
    { profile: 'BOURSIER', kind: 'exemption', labels: { fr: 'Exonération — boursier', en: 'Exemption — scholarship holder' } },
    { profile: 'PUPILLE', kind: 'exemption', labels: { fr: 'Exonération — pupille de la Nation' } },
    { profile: 'HANDICAP', kind: 'reduction', percent: 33, labels: { fr: 'Réduction — situation de handicap' } },
    { profile: 'SALARIE', kind: 'reduction', amountCents: 5000, labels: { fr: 'Réduction — étudiant salarié' } },
  ],
  extras: [{ code: 'MED-PREV', labels: { fr: 'Médecine préventive', en: 'Preventive medicine' }, amountCents: 510, levels: ['MASTER'] }],
  instalments: true,
};

/**
 * Enrolment's test world (modules/enrolment/test/enrolment-fixture.ts) with
 * payment running too: the law faculty's formation is a Master, a second
 * learner (PGS0000002 Bob), the period's fee rules, the points' levels and
 * the test provider chosen.
 */
export async function paymentRuntime() {
  const base = await enrolmentRuntime({
    extraModules: [paymentModule],
    profiles: ['BOURSIER', 'PUPILLE', 'HANDICAP', 'SALARIE'],
    lawFormation: 'MAS-L',
  });
  const { runtime, call, period, point, lawPoint } = base;
  const ada = base.learner;
  const bob = await call('POST', '/api/enrolment/v1/learners', {
    familyName: 'Martin',
    givenNames: 'Bob',
    birthDate: '2006-01-01',
    birthCountry: '100',
    sex: 'F',
  });
  await runtime.drainEvents();

  await call('PUT', '/api/payment/v1/settings', { provider: 'test' }, 200);
  await call('PUT', `/api/payment/v1/periods/${period.id}/fee-rules`, RULES, 200);
  await call('PUT', `/api/payment/v1/points/${point.id}/level`, { level: 'LICENCE' }, 200);
  await call('PUT', `/api/payment/v1/points/${lawPoint.id}/level`, { level: 'MASTER' }, 200);

  /** An enrolment (draft) made by an admin, known to the payment module once its event is delivered. */
  const enrol = async (learnerId: string, pointId: string, profiles: string[] = [], kind: 'main' | 'secondary' = 'secondary') => {
    const enrolment = await call('POST', '/api/enrolment/v1/enrolments', { learnerId, pointId, origin: 'MANUELLE', regime: 'FI', kind, profiles });
    await runtime.drainEvents();
    return enrolment;
  };

  /** Calls back as the test provider would: the body signed with the shared secret (or another one). */
  const callback = async (body: Record<string, unknown>, secret?: string) => {
    const raw = JSON.stringify(body);
    return runtime.request(
      'POST',
      '/api/payment/v1/provider/test/callback',
      raw,
      { 'content-type': 'application/json', [SIGNATURE_HEADER]: sign(raw, secret ?? (await testProviderSecret(runtime.database.db))) },
      null,
    );
  };

  return { ...base, ada, bob, enrol, callback };
}

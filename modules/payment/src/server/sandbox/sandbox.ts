import { eq } from 'drizzle-orm';
import { systemOrigin, type ModuleContext } from '@pegase/platform';
import type { PutFeeRules } from '../../contract/index.ts';
import { putFeeRules, putPointLevel, putSettings } from '../fees/fee-commands.ts';
import { periods, points } from '../shared/tables.ts';

const SANDBOX = systemOrigin('sandbox');

/** The national fees of a public university (arrêté of the year): Licence 178 €, Master 254 €, Doctorat 397 €; scholarship holders and wards of the Nation pay nothing. */
export const SANDBOX_RULES: PutFeeRules = {
  levels: [
    { level: 'LICENCE', labels: { fr: 'Droits d’inscription — Licence', en: 'Tuition fees — Bachelor (Licence)' }, amountCents: 17800 },
    { level: 'MASTER', labels: { fr: 'Droits d’inscription — Master', en: 'Tuition fees — Master' }, amountCents: 25400 },
    { level: 'DOCTORAT', labels: { fr: 'Droits d’inscription — Doctorat', en: 'Tuition fees — Doctorate' }, amountCents: 39700 },
  ],
  adjustments: [
    { profile: 'BOURSIER', kind: 'exemption', labels: { fr: 'Exonération — boursier sur critères sociaux', en: 'Exemption — scholarship holder' } },
    { profile: 'PUPILLE', kind: 'exemption', labels: { fr: 'Exonération — pupille de la Nation', en: 'Exemption — ward of the Nation' } },
  ],
  extras: [],
  instalments: true,
};

/** The diploma level of the sandbox offer's enrolment points (the curriculum's demo Licence and Master). */
const LEVEL_OF: Record<string, string> = {
  'LINF-L1': 'LICENCE',
  'LINF-L2': 'LICENCE',
  'LINF-L3': 'LICENCE',
  'MINF-M1': 'MASTER',
  'MINF-M2-GL': 'MASTER',
  'MINF-M2-SD': 'MASTER',
};

/**
 * The sandbox pays through the test provider (its simulated bank), with the
 * national fees for every academic year of the referential's demo, and the
 * levels of the demo offer's enrolment points when the curriculum made them.
 */
export async function loadSandbox(context: ModuleContext): Promise<void> {
  await putSettings(context, 'test', SANDBOX);
  const years = await context.db.select({ id: periods.id }).from(periods).where(eq(periods.type, 'academic-year'));
  for (const year of years) await putFeeRules(context, year.id, SANDBOX_RULES, undefined, SANDBOX);
  for (const point of await context.db.select({ id: points.objectId, code: points.code }).from(points)) {
    const level = LEVEL_OF[point.code];
    if (level !== undefined) await putPointLevel(context, point.id, level, SANDBOX);
  }
}

import { asc, eq } from 'drizzle-orm';
import { systemOrigin, type ModuleContext } from '@pegase/platform';
import { copyPeriod } from '../lifecycle/period-commands.ts';
import { consistencyOf, validateFormation } from '../lifecycle/validate.ts';
import { periods, structures } from '../shared/tables.ts';
import { licenceInformatique } from './licence-informatique.ts';
import { masterInformatique } from './master-informatique.ts';
import { buildOffer, type OfferTarget } from './offer.ts';

const SANDBOX = systemOrigin('sandbox');

/**
 * Demo maquettes for `pegase serve --sandbox`: the Licence and the Master
 * Informatique, built in the older academic year of the referential's
 * sandbox and validated there, then the whole offer copied (as drafts, to
 * prepare) to the newer year, as a scolarité does each spring. Everything
 * goes through the module's commands: events and audit are as in real use.
 */
export async function loadSandbox(context: ModuleContext): Promise<void> {
  const years = await context.db.select().from(periods).where(eq(periods.type, 'academic-year')).orderBy(asc(periods.startDate));
  const [older, newer] = years.slice(-2);
  if (older === undefined) {
    context.logger.warn('curriculum sandbox skipped: no academic year in the referential (serve the referential module too)');
    return;
  }
  const rows = await context.db.select({ id: structures.id, code: structures.code }).from(structures);
  const target: OfferTarget = { periodId: older.id, structures: new Map(rows.map((row) => [row.code, row.id])), ids: new Map() };

  const formations = [];
  for (const formation of [licenceInformatique, masterInformatique]) {
    formations.push({ code: formation.code, id: await buildOffer(context, target, formation, SANDBOX) });
  }
  for (const formation of formations) {
    const report = await consistencyOf(context.db, formation.id);
    if (report.errors > 0) {
      const errors = report.findings.filter((finding) => finding.severity === 'error').map((finding) => `${finding.path}: ${finding.message}`);
      throw new Error(`curriculum sandbox: ${formation.code} is inconsistent:\n${errors.join('\n')}`);
    }
    await validateFormation(context, formation.id, SANDBOX);
  }
  if (newer !== undefined) await copyPeriod(context, older.id, newer.id, SANDBOX);
}

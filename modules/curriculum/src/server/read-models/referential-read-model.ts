import { inArray } from 'drizzle-orm';
import type { EventHandler, Transaction } from '@pegase/platform';
import { referentialEvents, type Period, type Structure } from '@pegase/referential/contract';
import { periods, structures } from '../shared/tables.ts';

async function keepPeriod(tx: Transaction, period: Period): Promise<void> {
  const values = { code: period.code, type: period.type, labelFr: period.labels.fr, startDate: period.startDate, endDate: period.endDate };
  await tx
    .insert(periods)
    .values({ id: period.id, ...values })
    .onConflictDoUpdate({ target: periods.id, set: values });
}

/**
 * The structure with the codes of its lineage (its ancestors are already
 * here: parents are announced first; a move announces each descendant).
 */
async function keepStructure(tx: Transaction, structure: Structure): Promise<void> {
  const ancestors =
    structure.ancestorIds.length === 0
      ? []
      : await tx.select({ id: structures.id, code: structures.code }).from(structures).where(inArray(structures.id, structure.ancestorIds));
  const codeOf = new Map(ancestors.map((row) => [row.id, row.code]));
  const lineageCodes = [...structure.ancestorIds.map((id) => codeOf.get(id)).filter((code): code is string => code !== undefined), structure.code];
  const values = { code: structure.code, labelFr: structure.labels.fr, ancestorIds: structure.ancestorIds, lineageCodes };
  await tx
    .insert(structures)
    .values({ id: structure.id, ...values })
    .onConflictDoUpdate({ target: structures.id, set: values });
}

/** The referential's periods and structures, as the curriculum needs them (validity, owners, staff scope). */
export function referentialReadModel(): EventHandler[] {
  return [
    { consumer: 'curriculum.periods', event: referentialEvents.periodCreated.type, handle: (event, tx) => keepPeriod(tx, event.data as Period) },
    { consumer: 'curriculum.periods', event: referentialEvents.periodUpdated.type, handle: (event, tx) => keepPeriod(tx, event.data as Period) },
    { consumer: 'curriculum.structures', event: referentialEvents.structureCreated.type, handle: (event, tx) => keepStructure(tx, event.data as Structure) },
    { consumer: 'curriculum.structures', event: referentialEvents.structureUpdated.type, handle: (event, tx) => keepStructure(tx, event.data as Structure) },
  ];
}

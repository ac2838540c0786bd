import { inArray } from 'drizzle-orm';
import type { EventHandler, Transaction } from '@pegase/platform';
import { referentialEvents, type Period, type Structure } from '@pegase/referential/contract';
import { periods, structures } from '../shared/tables.ts';

/** A structure and the codes of its lineage (its parents are announced before it; a move announces each descendant). */
async function keepStructure(tx: Transaction, structure: Structure): Promise<void> {
  const ancestors = structure.ancestorIds.length === 0 ? [] : await tx.select().from(structures).where(inArray(structures.id, structure.ancestorIds));
  const codeOf = new Map(ancestors.map((row) => [row.id, row.code]));
  const lineageCodes = [...structure.ancestorIds.flatMap((id) => codeOf.get(id) ?? []), structure.code];
  await tx
    .insert(structures)
    .values({ id: structure.id, code: structure.code, lineageCodes })
    .onConflictDoUpdate({ target: structures.id, set: { code: structure.code, lineageCodes } });
}

async function keepPeriod(tx: Transaction, period: Period): Promise<void> {
  const values = { code: period.code, type: period.type, labelFr: period.labels.fr };
  await tx
    .insert(periods)
    .values({ id: period.id, ...values })
    .onConflictDoUpdate({ target: periods.id, set: values });
}

/** The referential's structures (staff scope) and periods (fee rules are per period). */
export function referentialReadModel(): EventHandler[] {
  return [
    ...[referentialEvents.structureCreated, referentialEvents.structureUpdated].map((event) => ({
      consumer: 'payment.structures',
      event: event.type,
      handle: (received: { data: unknown }, tx: Transaction) => keepStructure(tx, received.data as Structure),
    })),
    ...[referentialEvents.periodCreated, referentialEvents.periodUpdated].map((event) => ({
      consumer: 'payment.periods',
      event: event.type,
      handle: (received: { data: unknown }, tx: Transaction) => keepPeriod(tx, received.data as Period),
    })),
  ];
}

import { keepStructureLineage, type EventHandler, type Transaction } from '@pegase/platform';
import { referentialEvents, type Period, type Structure } from '@pegase/referential/contract';
import { periods, structures } from '../shared/tables.ts';

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
      handle: (received: { data: unknown }, tx: Transaction) => keepStructureLineage(tx, structures, received.data as Structure),
    })),
    ...[referentialEvents.periodCreated, referentialEvents.periodUpdated].map((event) => ({
      consumer: 'payment.periods',
      event: event.type,
      handle: (received: { data: unknown }, tx: Transaction) => keepPeriod(tx, received.data as Period),
    })),
  ];
}

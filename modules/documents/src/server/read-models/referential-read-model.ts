import { sql } from 'drizzle-orm';
import { keepStructureLineage, type EventHandler, type Transaction } from '@pegase/platform';
import { referentialEvents, type Establishment, type Period, type Structure } from '@pegase/referential/contract';
import { establishment, periods, structures } from '../shared/tables.ts';

async function keepPeriod(tx: Transaction, period: Period): Promise<void> {
  const values = {
    code: period.code,
    labelFr: period.labels.fr,
    labelEn: period.labels.en ?? null,
    startDate: period.startDate,
    endDate: period.endDate,
    version: period.version,
  };
  // At-least-once delivery may bring an older version late: it never overwrites a newer one.
  await tx
    .insert(periods)
    .values({ id: period.id, ...values })
    .onConflictDoUpdate({ target: periods.id, set: values, setWhere: sql`${periods.version} <= excluded.version` });
}

async function keepEstablishment(tx: Transaction, value: Establishment): Promise<void> {
  const values = { uai: value.uai, name: value.name, city: value.city, version: value.version };
  await tx
    .insert(establishment)
    .values({ singleton: true, ...values })
    .onConflictDoUpdate({ target: establishment.singleton, set: values, setWhere: sql`${establishment.version} <= excluded.version` });
}

/** The establishment that heads every certificate, the structures of the staff scope, and the academic periods. */
export function referentialReadModel(): EventHandler[] {
  return [
    {
      consumer: 'documents.establishment',
      event: referentialEvents.establishmentUpdated.type,
      handle: (e, tx) => keepEstablishment(tx, e.data as Establishment),
    },
    ...[referentialEvents.structureCreated, referentialEvents.structureUpdated].map((event) => ({
      consumer: 'documents.structures',
      event: event.type,
      handle: (e: { data: unknown }, tx: Transaction) => keepStructureLineage(tx, structures, e.data as Structure),
    })),
    ...[referentialEvents.periodCreated, referentialEvents.periodUpdated].map((event) => ({
      consumer: 'documents.periods',
      event: event.type,
      handle: (e: { data: unknown }, tx: Transaction) => keepPeriod(tx, e.data as Period),
    })),
  ];
}

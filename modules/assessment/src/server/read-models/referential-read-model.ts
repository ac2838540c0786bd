import { keepStructureLineage, type EventHandler, type Transaction } from '@pegase/platform';
import { referentialEvents, type Structure } from '@pegase/referential/contract';
import { structures } from '../shared/tables.ts';

/** Structures with their lineage: the staff scope of an object is its owner's lineage. */
export function referentialReadModel(): EventHandler[] {
  return [referentialEvents.structureCreated, referentialEvents.structureUpdated].map((definition) => ({
    consumer: 'assessment.structures',
    event: definition.type,
    handle: (event: { data: unknown }, tx: Transaction) => keepStructureLineage(tx, structures, event.data as Structure),
  }));
}

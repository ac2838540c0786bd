import { keepStructureLineage, type EventHandler } from '@pegase/platform';
import { referentialEvents, type Structure } from '@pegase/referential/contract';
import { structures } from '../shared/tables.ts';

/** The referential's structures, for the staff scope of enrolments. */
export function structureReadModel(): EventHandler[] {
  return [referentialEvents.structureCreated, referentialEvents.structureUpdated].map((event) => ({
    consumer: 'enrolment.structures',
    event: event.type,
    handle: (received, tx) => keepStructureLineage(tx, structures, received.data as Structure),
  }));
}

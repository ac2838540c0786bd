import type { EventHandler, Transaction } from '@pegase/platform';
import { referentialEvents, type NomenclatureValue } from '@pegase/referential/contract';
import { nomenclatureValues } from '../shared/tables.ts';

async function keepValue(tx: Transaction, value: NomenclatureValue): Promise<void> {
  const labels = { labelFr: value.labels.fr, labelEn: value.labels.en ?? null };
  await tx
    .insert(nomenclatureValues)
    .values({ nomenclature: value.nomenclature, code: value.code, validFrom: value.validFrom, validTo: value.validTo, ...labels })
    .onConflictDoUpdate({
      target: [nomenclatureValues.nomenclature, nomenclatureValues.code, nomenclatureValues.validFrom],
      set: { validTo: value.validTo, ...labels },
    });
}

/** The referential's nomenclature values with their validity and labels: what a learner's country, sex or bac series is checked against. */
export function nomenclatureReadModel(): EventHandler[] {
  return [
    {
      consumer: 'enrolment.nomenclatures',
      event: referentialEvents.nomenclatureValueCreated.type,
      handle: (event, tx) => keepValue(tx, event.data as NomenclatureValue),
    },
    {
      consumer: 'enrolment.nomenclatures',
      event: referentialEvents.nomenclatureValueUpdated.type,
      handle: (event, tx) => keepValue(tx, event.data as NomenclatureValue),
    },
  ];
}

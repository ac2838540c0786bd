import { defineEvent } from '@pegase/platform';
import { Establishment } from './establishment.ts';
import { Structure } from './structures.ts';
import { Period } from './periods.ts';
import { Nomenclature, NomenclatureValue } from './nomenclatures.ts';

/** What the referential announces; other modules keep read models from these. */
export const referentialEvents = {
  establishmentUpdated: defineEvent('referential.establishment.updated', 'The establishment (UAI, names) was set or changed.', Establishment),
  structureCreated: defineEvent('referential.structure.created', 'A structure was created.', Structure),
  structureUpdated: defineEvent(
    'referential.structure.updated',
    'A structure changed: labels, type, closing date, or its place in the tree (then its subtree moved with it).',
    Structure,
  ),
  periodCreated: defineEvent('referential.period.created', 'An academic period or sub-period was created.', Period),
  periodUpdated: defineEvent('referential.period.updated', 'An academic period changed.', Period),
  nomenclatureCreated: defineEvent('referential.nomenclature.created', 'A nomenclature was created.', Nomenclature),
  nomenclatureUpdated: defineEvent('referential.nomenclature.updated', 'A nomenclature changed its labels or description.', Nomenclature),
  nomenclatureValueCreated: defineEvent(
    'referential.nomenclature-value.created',
    'A value was added to a nomenclature (by the API or an import).',
    NomenclatureValue,
  ),
  nomenclatureValueUpdated: defineEvent('referential.nomenclature-value.updated', 'A nomenclature value changed its labels or validity.', NomenclatureValue),
} as const;

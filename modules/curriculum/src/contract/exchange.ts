import { Type, type Static } from 'typebox';
import { Code, Id, Labels } from '@pegase/referential/contract';
import { ChoiceRange, Hours, TypeCode } from './objects.ts';

export const formationDocumentFormat = 'pegase-curriculum-formation';
export const formationDocumentVersion = 1;

/** Largest formation an import takes, in objects and links. */
export const importLimits = { objects: 20_000, links: 50_000 } as const;

/** One training object of an exchanged formation: no id, no period, no status; the owner by its code. */
export const ExchangeObject = Type.Object(
  {
    code: Code,
    type: TypeCode,
    labels: Labels,
    ects: Type.Optional(Type.Union([Type.Number({ minimum: 0, maximum: 999, multipleOf: 0.5 }), Type.Null()], { description: 'ECTS credits.' })),
    hours: Type.Optional(Hours),
    capacity: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 1_000_000 }), Type.Null()])),
    openForChoice: Type.Optional(Type.Boolean()),
    enrolmentPoint: Type.Optional(Type.Boolean()),
    ownerStructureCode: Type.Optional(
      Type.Union([Code, Type.Null()], { description: 'Code of the structure (referential) in charge of the object; null: none.' }),
    ),
    choice: Type.Optional(Type.Union([ChoiceRange, Type.Null()], { description: 'Groupings only.' })),
  },
  { additionalProperties: false, description: 'An export writes every field; an import takes the absent ones as none (null, {} or false).' },
);
export type ExchangeObject = Static<typeof ExchangeObject>;

export const ExchangeLink = Type.Object(
  {
    parentCode: Code,
    childCode: Code,
    position: Type.Integer({ minimum: 0, maximum: 100_000, description: 'Place among the children of the parent, from 0.' }),
  },
  { additionalProperties: false },
);
export type ExchangeLink = Static<typeof ExchangeLink>;

/**
 * One formation (or any subtree) as a self-contained document: every object
 * once (a shared object too), every link by codes. No id, no period, no date:
 * two exports of the same formation are identical byte for byte, and so are
 * the exports of a formation and of its import into another period.
 */
export const FormationDocument = Type.Object(
  {
    format: Type.Literal(formationDocumentFormat),
    version: Type.Literal(formationDocumentVersion),
    root: { ...Code, description: 'Code of the formation (or the object) at the top.' },
    objects: Type.Array(ExchangeObject, {
      minItems: 1,
      maxItems: importLimits.objects,
      description: 'Every object once, in reading order (the root first, then depth first, siblings by position).',
    }),
    links: Type.Array(ExchangeLink, { maxItems: importLimits.links, description: 'Parent → child, by parent in the order of the objects, then by position.' }),
  },
  { additionalProperties: false },
);
export type FormationDocument = Static<typeof FormationDocument>;

export const FormationImportReport = Type.Object({
  objects: Type.Integer({ description: 'Objects created, as drafts.' }),
  links: Type.Integer(),
  root: Type.Object({ id: Id, code: Code }),
});
export type FormationImportReport = Static<typeof FormationImportReport>;

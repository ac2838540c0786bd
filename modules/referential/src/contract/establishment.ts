import { Type, type Static } from 'typebox';
import { Timestamp, Version } from './common.ts';

export const Uai = Type.String({ pattern: '^[0-9]{7}[A-Z]$', description: 'UAI: 7 digits and a control letter.', examples: ['0751717J'] });

export const EstablishmentInput = Type.Object(
  {
    uai: Uai,
    name: Type.String({ minLength: 1, maxLength: 200, examples: ['Université Pégase'] }),
    shortName: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    city: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    website: Type.Optional(Type.String({ format: 'uri', maxLength: 300 })),
  },
  { additionalProperties: false },
);
export type EstablishmentInput = Static<typeof EstablishmentInput>;

export const Establishment = Type.Object({
  uai: Uai,
  name: Type.String(),
  shortName: Type.Union([Type.String(), Type.Null()]),
  city: Type.Union([Type.String(), Type.Null()]),
  website: Type.Union([Type.String(), Type.Null()]),
  version: Version,
  updatedAt: Timestamp,
});
export type Establishment = Static<typeof Establishment>;

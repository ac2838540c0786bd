import { Type, type Static } from 'typebox';
import { MarkChange } from './assessment.ts';

export const MarkTemplateQuery = Type.Object(
  { format: Type.Optional(Type.Union([Type.Literal('xlsx'), Type.Literal('csv')], { description: 'xlsx (default) or csv (UTF-8, ";").' })) },
  { additionalProperties: false },
);

export const MarksImportReport = Type.Object({
  rows: Type.Integer({ minimum: 0, description: 'Rows of learners read in the file.' }),
  changed: Type.Integer({ minimum: 0, description: 'Marks written (each kept in the history).' }),
  unchanged: Type.Integer({ minimum: 0, description: 'Marks the file gives as they already were: nothing written.' }),
  empty: Type.Integer({ minimum: 0, description: 'Rows whose mark cell is empty: their mark is left as it is.' }),
  changes: Type.Array(MarkChange),
});
export type MarksImportReport = Static<typeof MarksImportReport>;

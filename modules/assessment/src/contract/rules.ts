import { Type, type Static } from 'typebox';
import { Id, Timestamp } from '@pegase/referential/contract';
import { Rule } from './assessment.ts';

export const FreezeReason = Type.Union([Type.Literal('adopted'), Type.Literal('period-archived')], {
  description: 'adopted: staff froze the MCC once adopted; period-archived: the curriculum archived the period (for good).',
});

/** Since when, by whom and why the MCC of a formation are frozen for a period. */
export const RulesFrozen = Type.Object({ at: Timestamp, by: Type.String(), reason: FreezeReason });
export type RulesFrozen = Static<typeof RulesFrozen>;

/** A path's effective rule, and whether its formation's MCC are frozen for the period (null: they may change). */
export const RuleView = Type.Object({
  ...Rule.properties,
  frozen: Type.Union([RulesFrozen, Type.Null()], {
    description: 'Set once the MCC of the path’s formation are frozen for the period: the rule no longer changes.',
  }),
});
export type RuleView = Static<typeof RuleView>;

export const FormationRulesQuery = Type.Object({ periodId: Id, formationId: Id }, { additionalProperties: false });
export type FormationRulesQuery = Static<typeof FormationRulesQuery>;

/** The freeze state of a formation's MCC for a period. */
export const RulesFreeze = Type.Object({
  periodId: Id,
  formationId: Id,
  formationCode: Type.String(),
  frozen: Type.Union([RulesFrozen, Type.Null()]),
});
export type RulesFreeze = Static<typeof RulesFreeze>;

export const UnfreezeRules = Type.Object(
  { reason: Type.String({ minLength: 3, maxLength: 500, description: 'Why the adopted MCC must change again (kept in the audit trail).' }) },
  { additionalProperties: false },
);
export type UnfreezeRules = Static<typeof UnfreezeRules>;

export const RulesExportQuery = Type.Object(
  {
    periodId: Id,
    formationId: Id,
    format: Type.Optional(Type.Union([Type.Literal('xlsx'), Type.Literal('csv')], { description: 'xlsx (default) or csv (`;`, decimal comma, UTF-8).' })),
  },
  { additionalProperties: false },
);

const Counts = Type.Object({ changed: Type.Integer({ minimum: 0 }), unchanged: Type.Integer({ minimum: 0 }) });

export const RulesImportReport = Type.Object({
  periodId: Id,
  formationId: Id,
  rows: Type.Integer({ minimum: 0, description: 'Rows read (one per path).' }),
  rules: Counts,
  assessments: Type.Object({ created: Type.Integer({ minimum: 0 }), ...Counts.properties }),
  ignoredColumns: Type.Array(Type.String(), {
    description: 'Headers the import does not know (comments, other columns): read by nobody, check none is a misspelt rule column.',
  }),
});
export type RulesImportReport = Static<typeof RulesImportReport>;

/** What a copy of the curriculum's offer to another period brought along: the MCC, as drafts. */
export const RulesCopied = Type.Object({
  fromPeriodId: Id,
  toPeriodId: Id,
  rules: Type.Integer({ minimum: 0 }),
  assessments: Type.Integer({ minimum: 0 }),
});
export type RulesCopied = Static<typeof RulesCopied>;

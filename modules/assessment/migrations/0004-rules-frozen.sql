-- The MCC of a formation for a period, once adopted, no longer change
-- (decision 0016): a freeze per formation and period, set by staff
-- (`adopted`) or when the curriculum archives the period (`period-archived`,
-- for good). Rules and assessments hang on paths, whose first code is the
-- formation's: the freeze is looked up by that code.
create table assessment.rule_freezes (
  period_id uuid not null,
  formation_id uuid not null,
  formation_code text not null,
  reason text not null check (reason in ('adopted', 'period-archived')),
  frozen_at timestamptz not null default now(),
  frozen_by text not null,
  primary key (period_id, formation_id),
  unique (period_id, formation_code)
);

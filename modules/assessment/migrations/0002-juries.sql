-- Juries: one per formation, period and session. Jury points are added to
-- a node's mark before the decision; deliberation stores every result of the
-- formation's learners and freezes them; publication shows them to the
-- students, not before.
create table assessment.juries (
  id uuid primary key,
  formation_id uuid not null,
  period_id uuid not null,
  session integer not null check (session in (1, 2)),
  status text not null default 'open' check (status in ('open', 'deliberated', 'published')),
  deliberated_at timestamptz,
  deliberated_by text,
  published_at timestamptz,
  published_by text,
  -- What the deliberation computed on, the same for all its learners: the
  -- formation's paths with their rules and its assessments (results/formation-snapshot.ts).
  snapshot json,
  created_at timestamptz not null default now(),
  unique (formation_id, period_id, session)
);

create table assessment.jury_points (
  jury_id uuid not null references assessment.juries (id) on delete cascade,
  enrolment_id uuid not null,
  path text not null,
  points numeric(6, 3) not null check (points >= 0 and points <= 20),
  primary key (jury_id, enrolment_id, path)
);

-- The deliberated results: the root's mark, decision, credits and honours
-- and the rank among the jury's learners; each learner's own inputs
-- (entries, grades, jury points) and every node's outcome, as small
-- integers (juries/frozen-results.ts). With the jury's snapshot they give
-- back the whole explained tree, frozen: later marks or rules change nothing.
create table assessment.results (
  jury_id uuid not null references assessment.juries (id) on delete cascade,
  enrolment_id uuid not null,
  learner_id uuid not null,
  mark numeric(6, 3),
  decision text not null,
  rank integer,
  credits numeric(9, 3) not null,
  honours text,
  inputs json not null,
  outcome json not null,
  primary key (jury_id, enrolment_id)
);
create index results_learner_idx on assessment.results (learner_id);

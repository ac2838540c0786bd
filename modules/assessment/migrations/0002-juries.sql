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

-- The deliberated results: each enrolment's whole tree as the API shows it,
-- with the root's mark and decision and the rank among the jury's learners.
create table assessment.results (
  jury_id uuid not null references assessment.juries (id) on delete cascade,
  enrolment_id uuid not null,
  learner_id uuid not null,
  mark numeric(6, 3),
  decision text not null,
  rank integer,
  tree jsonb not null,
  primary key (jury_id, enrolment_id)
);
create index results_learner_idx on assessment.results (learner_id);

-- Transcripts (relevés de notes) and pass certificates (attestations de
-- réussite), from the results the juries publish. Assessment announces each
-- learner's published result (assessment.learner-results.published): kept
-- here, one row per jury and enrolment, whatever the number of deliveries.
create table documents.published_results (
  jury_id uuid not null,
  enrolment_id uuid not null,
  learner_id uuid not null,
  formation_id uuid not null,
  period_id uuid not null,
  session smallint not null check (session in (1, 2)),
  published_at timestamptz not null,
  mark numeric(6, 3),
  decision text not null,
  rank integer,
  honours text,
  -- Each node of the result as a line, in tree order (path, depth, code, labels, mark, decision, credits, session).
  lines jsonb not null,
  primary key (jury_id, enrolment_id)
);
create index published_results_learner_idx on documents.published_results (learner_id);

-- One record for every document issued, whatever its kind: the same code,
-- file, snapshot and verification page. A transcript or a pass certificate
-- also keeps the result it printed, as it was.
alter table documents.certificates add column kind text not null default 'enrolment' check (kind in ('enrolment', 'transcript', 'pass-certificate'));
alter table documents.certificates add column results jsonb;
alter table documents.certificates add constraint certificates_results_kind check ((kind = 'enrolment') = (results is null));

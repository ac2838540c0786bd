-- Assessment (COC): rules (MCC), assessments (épreuves), marks and their
-- history. Structures, the validated offer, learners and the cursus come from
-- the other modules' events (read models). Decimals are numeric(…, 3): marks,
-- coefficients and credits have at most 3 decimals (decision 0014).
create schema if not exists assessment;

create table assessment.structures (
  id uuid primary key,
  code text not null,
  lineage_codes text[] not null
);

create table assessment.objects (
  id uuid primary key,
  period_id uuid not null,
  formation_id uuid not null,
  code text not null,
  type text not null,
  label_fr text not null,
  label_en text,
  ects numeric,
  owner_structure_id uuid
);

create table assessment.paths (
  period_id uuid not null,
  path text not null,
  object_id uuid not null,
  parent_path text,
  position integer not null,
  depth integer not null,
  primary key (period_id, path)
);
create index paths_children_idx on assessment.paths (period_id, parent_path, position);

create table assessment.learners (
  id uuid primary key,
  code text not null,
  family_name text not null,
  usage_name text,
  given_names text not null,
  version integer not null
);

-- The cursus as registration announces it: a newer version replaces an
-- enrolment's entries; a cancelled enrolment has none.
create table assessment.cursus (
  enrolment_id uuid primary key,
  learner_id uuid not null,
  period_id uuid not null,
  point_id uuid not null,
  version integer not null
);

create table assessment.entries (
  enrolment_id uuid not null references assessment.cursus (enrolment_id) on delete cascade,
  path text not null,
  parent_path text,
  object_id uuid not null,
  kind text not null,
  status text not null,
  exempted boolean not null default false,
  carried_mark numeric(6, 3),
  carried_from text,
  primary key (enrolment_id, path)
);
create index entries_path_idx on assessment.entries (path, status);

-- The rules (MCC) of a path in a period; a path without a row has the defaults of its object's type.
create table assessment.rules (
  period_id uuid not null,
  path text not null,
  coefficient numeric(9, 3) not null check (coefficient > 0),
  pass_mark numeric(6, 3) not null check (pass_mark between 0 and 20),
  credits numeric(9, 3) not null check (credits >= 0),
  compensates boolean not null,
  eliminatory numeric(6, 3) check (eliminatory between 0 and 20),
  abj_policy text not null check (abj_policy in ('neutral', 'zero')),
  session2 text not null check (session2 in ('best', 'replace')),
  version integer not null default 1,
  updated_by text not null,
  updated_at timestamptz not null default now(),
  primary key (period_id, path)
);

-- Assessments (épreuves) of a course element, per session; marks are on 20 (scale 20 only for now).
create table assessment.assessments (
  id uuid primary key,
  period_id uuid not null,
  path text not null,
  session smallint not null check (session in (1, 2)),
  code text not null,
  label text not null,
  coefficient numeric(9, 3) not null check (coefficient > 0),
  scale integer not null default 20 check (scale = 20),
  created_at timestamptz not null default now(),
  unique (period_id, path, session, code)
);

create table assessment.marks (
  assessment_id uuid not null references assessment.assessments (id) on delete cascade,
  enrolment_id uuid not null,
  value numeric(6, 3) check (value between 0 and 20),
  absence text check (absence in ('ABI', 'ABJ')),
  version integer not null default 1,
  updated_by text not null,
  updated_at timestamptz not null default now(),
  primary key (assessment_id, enrolment_id),
  check ((value is null) <> (absence is null))
);
create index marks_enrolment_idx on assessment.marks (enrolment_id);

-- Every change of a mark: who, when, the old and the new value (null: none), the request.
create table assessment.mark_history (
  id bigint generated always as identity primary key,
  assessment_id uuid not null references assessment.assessments (id) on delete cascade,
  enrolment_id uuid not null,
  old_mark text,
  new_mark text,
  changed_by text not null,
  changed_at timestamptz not null default now(),
  request_id text not null
);
create index mark_history_idx on assessment.mark_history (assessment_id, enrolment_id, id);

create table assessment.sheet_locks (
  assessment_id uuid primary key references assessment.assessments (id) on delete cascade,
  locked_at timestamptz not null default now(),
  locked_by text not null
);

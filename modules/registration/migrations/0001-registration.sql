-- Registration (CHC): each learner's cursus below their enrolment point.
-- Structures, the validated offer, learners and enrolments come from the
-- other modules' events (read models); the cursus, the seats and the choice
-- windows are this module's own.
create schema if not exists registration;

create table registration.structures (
  id uuid primary key,
  code text not null,
  lineage_codes text[] not null
);

-- The validated offer: each object once, each path (object in context) once.
create table registration.objects (
  id uuid primary key,
  period_id uuid not null,
  formation_id uuid not null,
  code text not null,
  type text not null,
  label_fr text not null,
  label_en text,
  ects numeric,
  capacity integer,
  open_for_choice boolean not null,
  choice_min integer,
  choice_max integer,
  enrolment_point boolean not null,
  owner_structure_id uuid
);

create table registration.paths (
  period_id uuid not null,
  path text not null,
  object_id uuid not null,
  parent_path text,
  position integer not null,
  depth integer not null,
  primary key (period_id, path)
);
create index paths_children_idx on registration.paths (period_id, parent_path, position);
create index paths_object_idx on registration.paths (object_id);

create table registration.learners (
  id uuid primary key,
  code text not null,
  family_name text not null,
  usage_name text,
  given_names text not null,
  version integer not null
);
create index learners_code_idx on registration.learners (code);

create table registration.enrolments (
  id uuid primary key,
  learner_id uuid not null,
  point_id uuid not null,
  period_id uuid not null,
  status text not null,
  version integer not null
);
create index enrolments_learner_idx on registration.enrolments (learner_id);

-- The cursus: one row per object in context. A chosen entry on the waiting
-- list waits from waiting_since; registered and offered chosen entries hold
-- a seat of their object.
create table registration.cursus (
  enrolment_id uuid primary key,
  version integer not null default 1,
  updated_at timestamptz not null default now()
);

create table registration.entries (
  enrolment_id uuid not null references registration.cursus (enrolment_id) on delete cascade,
  path text not null,
  parent_path text,
  object_id uuid not null,
  kind text not null check (kind in ('point', 'mandatory', 'chosen')),
  status text not null check (status in ('registered', 'waiting', 'offered')),
  chosen_by text check (chosen_by in ('learner', 'staff')),
  holds_seat boolean not null default false,
  waiting_since timestamptz,
  created_at timestamptz not null default now(),
  primary key (enrolment_id, path)
);
create index entries_waiting_idx on registration.entries (object_id, waiting_since) where status = 'waiting';
create index entries_object_idx on registration.entries (object_id, path);

-- Seats of the objects with a capacity: taken counts the entries holding one.
-- Taking one is a conditional increment of this row: two choosers of the
-- last seat are serialised by its lock, and the second finds it full.
create table registration.seats (
  object_id uuid primary key,
  capacity integer not null check (capacity >= 0),
  taken integer not null default 0 check (taken >= 0)
);

create table registration.choice_windows (
  formation_id uuid primary key,
  opens_at timestamptz not null,
  closes_at timestamptz not null check (closes_at > opens_at),
  updated_by text not null,
  updated_at timestamptz not null default now()
);

-- Curriculum (ODF): the training offer of each period as a directed acyclic
-- graph of training objects. Only the curriculum module reads or writes this
-- schema; periods and structures come from the referential's events.

create extension if not exists pg_trgm with schema public;

-- Read models of the referential, kept from its events.
create table curriculum.periods (
  id uuid primary key,
  code text not null,
  type text not null,
  label_fr text not null,
  start_date date not null,
  end_date date not null
);

-- `lineage_codes` holds the structure's code and its ancestors' codes: staff
-- whose structures intersect it may edit what the structure owns.
create table curriculum.structures (
  id uuid primary key,
  code text not null,
  label_fr text not null,
  ancestor_ids uuid[] not null default '{}',
  lineage_codes text[] not null default '{}'
);
create index structures_lineage_idx on curriculum.structures using gin (lineage_codes);

-- Kinds of training objects; establishments add their own (`grouping` kinds
-- hold a choice range over their children).
create table curriculum.object_types (
  code text primary key check (code ~ '^[a-z][a-z0-9-]{0,29}$'),
  label_fr text not null,
  label_en text,
  grouping boolean not null default false,
  builtin boolean not null default false
);
insert into curriculum.object_types (code, label_fr, label_en, grouping, builtin) values
  ('formation', 'Formation', 'Programme', false, true),
  ('year', 'Année', 'Year', false, true),
  ('semester', 'Semestre', 'Semester', false, true),
  ('ue', 'Unité d’enseignement', 'Teaching unit', false, true),
  ('ec', 'Élément constitutif', 'Course element', false, true),
  ('grouping', 'Regroupement', 'Grouping', true, true),
  ('track', 'Parcours', 'Track', false, true);

create table curriculum.objects (
  id uuid primary key,
  period_id uuid not null references curriculum.periods (id),
  code text not null check (code ~ '^[A-Z0-9][A-Z0-9-]{0,39}$'),
  type text not null references curriculum.object_types (code),
  label_fr text not null,
  label_en text,
  ects numeric(5, 2) check (ects is null or ects >= 0),
  -- Hours by teaching format, e.g. {"CM": 24, "TD": 36}.
  hours jsonb not null default '{}',
  capacity integer check (capacity is null or capacity >= 0),
  open_for_choice boolean not null default false,
  enrolment_point boolean not null default false,
  owner_structure_id uuid references curriculum.structures (id),
  choice_min integer,
  choice_max integer,
  status text not null default 'draft' check (status in ('draft', 'validated', 'archived')),
  -- Lower-case, accents removed: what the fuzzy search compares.
  search_text text not null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (period_id, code),
  check ((choice_min is null) = (choice_max is null)),
  check (choice_min is null or (choice_min >= 0 and choice_max >= choice_min))
);
create index objects_period_type_idx on curriculum.objects (period_id, type, code);
create index objects_search_idx on curriculum.objects using gin (search_text public.gin_trgm_ops);
create index objects_owner_idx on curriculum.objects (owner_structure_id);

-- Parent → child, ordered. A child may have several parents (a shared object).
create table curriculum.links (
  parent_id uuid not null references curriculum.objects (id) on delete cascade,
  child_id uuid not null references curriculum.objects (id) on delete cascade,
  position integer not null,
  primary key (parent_id, child_id),
  check (parent_id <> child_id)
);
create index links_child_idx on curriculum.links (child_id);

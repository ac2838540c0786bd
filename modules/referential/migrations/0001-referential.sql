-- Referential (REF): the establishment, its structures, academic periods and
-- nomenclatures. Only the referential module reads or writes this schema.

-- One instance serves one establishment: a single row.
create table referential.establishment (
  singleton boolean primary key default true check (singleton),
  uai text not null check (uai ~ '^[0-9]{7}[A-Z]$'),
  name text not null,
  short_name text,
  city text,
  website text,
  version integer not null default 1,
  updated_at timestamptz not null default now()
);

-- Structures form a tree. `ancestor_ids` holds the ids from the top down, so
-- "this structure and everything below it" (the scope of a staff member) is
-- one indexed array-containment query, without recursion.
create table referential.structures (
  id uuid primary key,
  code text not null unique check (code ~ '^[A-Z0-9][A-Z0-9-]{0,39}$'),
  type text not null,
  label_fr text not null,
  label_en text,
  parent_id uuid references referential.structures (id),
  ancestor_ids uuid[] not null default '{}',
  closed_on date,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (parent_id is null or parent_id <> id)
);
create index structures_parent_idx on referential.structures (parent_id);
create index structures_ancestors_idx on referential.structures using gin (ancestor_ids);
create index structures_label_idx on referential.structures (label_fr, id);

create table referential.periods (
  id uuid primary key,
  code text not null unique check (code ~ '^[A-Z0-9][A-Z0-9-]{0,39}$'),
  type text not null,
  label_fr text not null,
  label_en text,
  start_date date not null,
  end_date date not null,
  parent_id uuid references referential.periods (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (end_date > start_date)
);
create index periods_parent_idx on referential.periods (parent_id);
create index periods_dates_idx on referential.periods (start_date, id);

create table referential.nomenclatures (
  code text primary key check (code ~ '^[A-Z0-9][A-Z0-9-]{0,39}$'),
  label_fr text not null,
  label_en text,
  description text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table referential.nomenclature_values (
  id uuid primary key,
  nomenclature text not null references referential.nomenclatures (code),
  code text not null check (code ~ '^[A-Z0-9][A-Z0-9-]{0,39}$'),
  label_fr text not null,
  label_en text,
  valid_from date not null,
  valid_to date,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (nomenclature, code, valid_from),
  check (valid_to is null or valid_to >= valid_from)
);
create index nomenclature_values_label_idx on referential.nomenclature_values (nomenclature, label_fr, id);
create index nomenclature_values_from_idx on referential.nomenclature_values (nomenclature, valid_from, id);

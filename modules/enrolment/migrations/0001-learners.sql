-- Enrolment (INS): learners first. Only the enrolment module reads or writes
-- this schema; nomenclatures come from the referential's events.

create extension if not exists pg_trgm with schema public;

-- Read model of the referential's nomenclature values (countries, bac series…).
create table enrolment.nomenclature_values (
  nomenclature text not null,
  code text not null,
  valid_from date not null,
  valid_to date,
  primary key (nomenclature, code, valid_from)
);

-- Learner codes are handed out in order: PGS0000001, PGS0000002…
create sequence enrolment.learner_numbers;

create table enrolment.learners (
  id uuid primary key,
  code text not null unique,
  ine text unique check (ine is null or ine ~ '^([0-9]{9}[A-Z]{2}|[0-9]{10}[A-Z]|[0-9]{4}A[0-9]{5}[A-Z])$'),
  family_name text not null,
  usage_name text,
  given_names text not null,
  birth_date date not null,
  birth_country text not null,
  birth_commune text,
  sex text not null,
  nationality text,
  email text,
  phone text,
  address jsonb,
  bac jsonb,
  first_higher_education jsonb,
  -- Lower-case, accents removed: family, usage and given names, for the fuzzy search.
  search_name text not null,
  -- The identity that probable duplicates are matched on.
  identity_key text not null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index learners_search_idx on enrolment.learners using gin (search_name public.gin_trgm_ops);
create index learners_identity_idx on enrolment.learners (identity_key);
create index learners_name_idx on enrolment.learners (family_name, given_names, id);

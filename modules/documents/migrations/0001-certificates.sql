-- Documents: certificates of enrolment, verifiable online. Only the documents
-- module reads or writes this schema; what a certificate says comes from the
-- events of the referential, the curriculum and enrolment (read models below).

-- The establishment (one row): its name, UAI and city head every certificate.
create table documents.establishment (
  singleton boolean primary key default true check (singleton),
  uai text not null,
  name text not null,
  city text,
  version integer not null
);

-- Structures with the codes of their lineage: staff scope by the point's owner.
create table documents.structures (
  id uuid primary key,
  code text not null,
  lineage_codes text[] not null default '{}'
);
create index structures_lineage_idx on documents.structures using gin (lineage_codes);

-- Academic periods: the academic year a certificate names.
create table documents.periods (
  id uuid primary key,
  code text not null,
  label_fr text not null,
  label_en text,
  start_date date not null,
  end_date date not null,
  version integer not null
);

-- The enrolment points of the validated offer, with the formation they belong to.
create table documents.enrolment_points (
  object_id uuid primary key,
  period_id uuid not null,
  code text not null,
  path text not null,
  label_fr text not null,
  label_en text,
  formation_id uuid not null,
  formation_code text not null,
  formation_label_fr text not null,
  formation_label_en text,
  owner_structure_id uuid,
  updated_at timestamptz not null default now()
);
create index enrolment_points_formation_idx on documents.enrolment_points (formation_id);

-- Learners: the identity a certificate prints.
create table documents.learners (
  id uuid primary key,
  code text not null,
  ine text,
  family_name text not null,
  usage_name text,
  given_names text not null,
  birth_date date not null,
  sex text not null,
  version integer not null
);
create index learners_code_idx on documents.learners (code);

-- Enrolments and their status: only a validated one gets a certificate.
create table documents.enrolments (
  id uuid primary key,
  learner_id uuid not null,
  point_id uuid not null,
  period_id uuid not null,
  status text not null check (status in ('draft', 'submitted', 'validated', 'cancelled')),
  validated_at timestamptz,
  cancelled_at timestamptz,
  version integer not null
);

-- Every certificate issued: what it said (snapshots), its file, its code.
create table documents.certificates (
  id uuid primary key,
  -- 20 characters of base 32 (100 random bits): unguessable, printed and in the QR code.
  code text not null unique check (code ~ '^[A-Z2-7]{20}$'),
  enrolment_id uuid not null,
  learner_id uuid not null,
  language text not null check (language in ('fr', 'en')),
  holder jsonb not null,
  formation jsonb not null,
  period jsonb not null,
  establishment jsonb not null,
  file_id uuid not null,
  size integer not null,
  sha256 text not null,
  verification_url text not null,
  issued_at timestamptz not null,
  issued_by text not null,
  revoked_at timestamptz
);
create index certificates_enrolment_idx on documents.certificates (enrolment_id);

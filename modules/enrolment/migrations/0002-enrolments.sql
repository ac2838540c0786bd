-- Administrative enrolments: a learner at an enrolment point for a period.

-- Read model of the referential's structures: staff manage the enrolments of
-- the points owned by their structures and below (lineage_codes).
create table enrolment.structures (
  id uuid primary key,
  code text not null,
  lineage_codes text[] not null default '{}'
);
create index structures_lineage_idx on enrolment.structures using gin (lineage_codes);

-- Read model of the curriculum: the validated objects that are enrolment points.
create table enrolment.enrolment_points (
  object_id uuid primary key,
  period_id uuid not null,
  code text not null,
  path text not null,
  label_fr text not null,
  label_en text,
  owner_structure_id uuid,
  updated_at timestamptz not null default now()
);
create index enrolment_points_period_idx on enrolment.enrolment_points (period_id, code);

create table enrolment.enrolments (
  id uuid primary key,
  learner_id uuid not null references enrolment.learners (id),
  point_id uuid not null references enrolment.enrolment_points (object_id),
  period_id uuid not null,
  origin text not null,
  kind text not null check (kind in ('main', 'secondary')),
  regime text not null,
  cvec_number text,
  status text not null default 'draft' check (status in ('draft', 'submitted', 'validated', 'cancelled')),
  payment_status text not null default 'none' check (payment_status in ('none', 'unpaid', 'pending', 'paid', 'exempt')),
  cancel_reason text,
  -- The key of the request that submitted it: the same key again is the same submission.
  submit_key text,
  submitted_at timestamptz,
  validated_at timestamptz,
  cancelled_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- One live enrolment per learner and point; one live main enrolment per learner and period.
create unique index enrolments_learner_point_idx on enrolment.enrolments (learner_id, point_id) where status <> 'cancelled';
create unique index enrolments_main_idx on enrolment.enrolments (learner_id, period_id) where kind = 'main' and status <> 'cancelled';
create index enrolments_queue_idx on enrolment.enrolments (status, point_id, submitted_at, id);

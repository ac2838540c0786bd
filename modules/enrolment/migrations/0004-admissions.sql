-- Admissions: who may enrol where. Each admitted candidate receives an
-- invitation code that opens their online enrolment at that point.
create table enrolment.admissions (
  id uuid primary key,
  point_id uuid not null references enrolment.enrolment_points (object_id),
  period_id uuid not null,
  source text not null,
  candidate_number text,
  family_name text not null,
  given_names text not null,
  birth_date date not null,
  ine text,
  email text,
  learner_id uuid references enrolment.learners (id),
  -- The same person admitted twice at a point is one admission (a file imported again adds nothing).
  identity_key text not null,
  invitation_code text not null unique,
  status text not null default 'invited' check (status in ('invited', 'used', 'withdrawn')),
  created_at timestamptz not null default now(),
  used_at timestamptz,
  unique (point_id, identity_key)
);
create index admissions_learner_idx on enrolment.admissions (learner_id);
create index admissions_ine_idx on enrolment.admissions (ine);

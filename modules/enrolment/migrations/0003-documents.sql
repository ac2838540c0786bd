-- Supporting documents: which are required (rules), and what each enrolment received.

-- Profiles of the learner for this enrolment (PROFILE nomenclature: BOURSIER…), which rules may depend on.
alter table enrolment.enrolments add column profiles text[] not null default '{}';

-- A document type is required for the enrolments matching every condition
-- given (a null condition matches all).
create table enrolment.document_requirements (
  id uuid primary key,
  document_type text not null,
  point_id uuid,
  regime text,
  profile text,
  mandatory boolean not null default true,
  created_at timestamptz not null default now()
);

create table enrolment.documents (
  enrolment_id uuid not null references enrolment.enrolments (id),
  document_type text not null,
  status text not null check (status in ('submitted', 'accepted', 'rejected')),
  file_id uuid not null,
  media_type text not null,
  size integer not null,
  sha256 text not null,
  reject_reason text,
  submitted_at timestamptz not null,
  reviewed_at timestamptz,
  reviewed_by text,
  version integer not null default 1,
  primary key (enrolment_id, document_type)
);

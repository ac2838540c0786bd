-- Payment (PAI): fee rules per period, payments through a provider adapter,
-- refunds. Only the payment module reads or writes this schema; structures,
-- periods, enrolment points, learners and enrolments come from the other
-- modules' events. Amounts are integers in euro cents.

-- Read models -------------------------------------------------------------

-- The referential's structures with the codes of their lineage: staff see the
-- fees and payments of the enrolments at points their structures own.
create table payment.structures (
  id uuid primary key,
  code text not null,
  lineage_codes text[] not null default '{}'
);
create index structures_lineage_idx on payment.structures using gin (lineage_codes);

-- The referential's periods: fee rules are kept per academic period.
create table payment.periods (
  id uuid primary key,
  code text not null,
  type text not null,
  label_fr text not null
);

-- The curriculum's validated enrolment points.
create table payment.points (
  object_id uuid primary key,
  period_id uuid not null,
  code text not null,
  path text not null,
  label_fr text not null,
  label_en text,
  owner_structure_id uuid
);
create index points_period_idx on payment.points (period_id, code);

-- Enrolment's learners (the code a student's token carries) and enrolments.
create table payment.learners (
  id uuid primary key,
  code text not null
);
create index learners_code_idx on payment.learners (code);

create table payment.enrolments (
  id uuid primary key,
  learner_id uuid not null,
  point_id uuid not null,
  period_id uuid not null,
  regime text not null,
  profiles text[] not null default '{}',
  status text not null,
  payment_status text not null
);
create index enrolments_learner_idx on payment.enrolments (learner_id);

-- Rules -------------------------------------------------------------------

-- The diploma level of an enrolment point (LICENCE, MASTER, DOCTORAT…): what
-- the amount of the fees depends on. Set by an administrator.
create table payment.point_levels (
  point_id uuid primary key,
  level text not null check (level ~ '^[A-Z0-9][A-Z0-9-]{0,39}$'),
  updated_at timestamptz not null default now()
);

-- The fee rules of one period, as one document (levels, adjustments by
-- profile, extra lines, instalments), checked by the API before it is kept.
create table payment.fee_rules (
  period_id uuid primary key,
  rules jsonb not null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Which provider takes new payments: none until an administrator (or the
-- sandbox) chooses one.
create table payment.settings (
  singleton boolean primary key default true check (singleton),
  provider text not null default 'none' check (provider in ('none', 'test')),
  version integer not null default 1,
  updated_at timestamptz not null default now()
);
insert into payment.settings (singleton) values (true);

-- Payments ----------------------------------------------------------------

create table payment.payments (
  id uuid primary key,
  enrolment_id uuid not null,
  learner_id uuid not null,
  provider text not null,
  -- The provider's session (the test bank page's token).
  provider_session text not null,
  status text not null check (status in ('pending', 'paid', 'failed')),
  total_cents integer not null check (total_cents > 0),
  instalment_count integer not null check (instalment_count in (1, 3)),
  -- The fees as computed when the payment started: what the student agreed to pay.
  breakdown jsonb not null,
  return_path text not null,
  failure_reason text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index payments_enrolment_idx on payment.payments (enrolment_id, created_at, id);

create table payment.instalments (
  payment_id uuid not null references payment.payments (id),
  number integer not null check (number between 1 and 3),
  amount_cents integer not null check (amount_cents > 0),
  due_date date not null,
  status text not null check (status in ('due', 'paid', 'failed')),
  provider_transaction_id text,
  paid_at timestamptz,
  primary key (payment_id, number)
);

-- Every callback applied, by the provider's transaction id: the same callback
-- twice finds its row here and has no second effect.
create table payment.provider_transactions (
  provider text not null,
  transaction_id text not null,
  payment_id uuid not null references payment.payments (id),
  instalment integer not null,
  outcome text not null check (outcome in ('paid', 'refused')),
  amount_cents integer not null,
  body jsonb not null,
  received_at timestamptz not null default now(),
  primary key (provider, transaction_id)
);

create table payment.refunds (
  id uuid primary key,
  payment_id uuid not null references payment.payments (id),
  amount_cents integer not null check (amount_cents > 0),
  reason text not null,
  provider_reference text not null,
  created_by text not null,
  created_at timestamptz not null default now()
);
create index refunds_payment_idx on payment.refunds (payment_id, created_at, id);

-- Money movements are recorded, never deleted (DOMAIN.md).
create function payment.refuse_delete() returns trigger language plpgsql as $$
begin
  raise exception 'payments, instalments, callbacks and refunds are never deleted' using errcode = '42501';
end $$;
create trigger payments_kept before delete on payment.payments for each row execute function payment.refuse_delete();
create trigger instalments_kept before delete on payment.instalments for each row execute function payment.refuse_delete();
create trigger transactions_kept before delete on payment.provider_transactions for each row execute function payment.refuse_delete();
create trigger refunds_kept before update or delete on payment.refunds for each row execute function payment.refuse_delete();

-- Other entries of a cursus and teaching groups.

-- An exemption (dispense): the learner need not follow nor be assessed on the
-- object; the reason is kept. A credit carried over from an earlier year: the
-- unit was acquired with this mark (on 20), which the results engine counts.
alter table registration.entries
  add column exemption_reason text,
  add column carried_mark numeric(6, 3) check (carried_mark between 0 and 20),
  add column carried_from text,
  add constraint entries_carried_whole check ((carried_mark is null) = (carried_from is null)),
  add constraint entries_one_other check (exemption_reason is null or carried_mark is null);

-- Special arrangements (aménagements): extra time, a separate room, a
-- reader… per cursus, each with its detail.
create table registration.arrangements (
  enrolment_id uuid not null references registration.cursus (enrolment_id) on delete cascade,
  code text not null check (code ~ '^[A-Z0-9][A-Z0-9-]{0,39}$'),
  details text not null default '',
  primary key (enrolment_id, code)
);

-- Teaching groups (TD, TP…) of an object, with a capacity (placing someone
-- locks the group's row, then counts its members). A learner follows
-- at most one group of each kind of an object; leaving the object (a choice
-- dropped, an enrolment cancelled) takes them out of its groups.
create table registration.groups (
  id uuid primary key,
  object_id uuid not null,
  kind text not null check (kind ~ '^[A-Z][A-Z0-9]{0,9}$'),
  code text not null check (code ~ '^[A-Z0-9][A-Z0-9-]{0,39}$'),
  capacity integer check (capacity > 0),
  created_at timestamptz not null default now(),
  unique (object_id, code)
);

create table registration.group_members (
  group_id uuid not null references registration.groups (id) on delete cascade,
  object_id uuid not null,
  kind text not null,
  enrolment_id uuid not null,
  path text not null,
  placed_at timestamptz not null default now(),
  primary key (group_id, enrolment_id, path),
  unique (object_id, kind, enrolment_id, path),
  foreign key (enrolment_id, path) references registration.entries (enrolment_id, path) on delete cascade
);
create index group_members_entry_idx on registration.group_members (enrolment_id, path);

-- The audit trail: who changed what, when, from which value to which, through
-- which request. Written in the transaction of the change; append-only.
create table audit.entries (
  id uuid primary key,
  at timestamptz not null default now(),
  actor_subject text not null,
  actor_login text,
  actor_roles text[] not null default '{}',
  module text not null,
  action text not null,
  target_type text not null,
  target_id text not null,
  changed_fields text[] not null default '{}',
  before jsonb,
  after jsonb,
  request_id text
);
create index entries_target_idx on audit.entries (target_type, target_id, at desc, id);
create index entries_actor_idx on audit.entries (actor_subject, at desc, id);
create index entries_at_idx on audit.entries (at desc, id);

-- Nobody rewrites history, not even the application's own role.
create function audit.refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit entries are append-only' using errcode = '42501';
end $$;
create trigger entries_append_only before update or delete on audit.entries
  for each row execute function audit.refuse_change();
create trigger entries_no_truncate before truncate on audit.entries
  for each statement execute function audit.refuse_change();

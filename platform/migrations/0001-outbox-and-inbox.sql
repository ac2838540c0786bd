-- Transactional outbox: a module writes its events here in the same
-- transaction as the change they announce; a dispatcher delivers them later.
create table pegase_platform.outbox (
  id uuid primary key,
  position bigint generated always as identity,
  type text not null,
  source text not null,
  subject text,
  time timestamptz not null default now(),
  data jsonb not null,
  request_id text,
  published_at timestamptz,
  lease_until timestamptz,
  attempts integer not null default 0,
  last_error text
);
-- Only pending rows are scanned by the dispatcher, in order.
create index outbox_pending_idx on pegase_platform.outbox (position) where published_at is null;

-- Inbox: a consumer records each event id it handled, in the same transaction
-- as its effect, so that a redelivered event has no second effect.
create table pegase_platform.inbox (
  consumer text not null,
  event_id uuid not null,
  processed_at timestamptz not null default now(),
  primary key (consumer, event_id)
);

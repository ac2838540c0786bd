-- Dead letters of the broker transports (NATS, Kafka): an event that one
-- consumer failed to take after its retries waits here, with the last error,
-- until `pegase events dead-letters replay` takes it again. One row per
-- consumer and event: a consumer's later failure of the same event updates it.
create table pegase_platform.dead_letters (
  id uuid primary key default gen_random_uuid(),
  consumer text not null,
  event_id uuid not null,
  event jsonb not null,
  error text not null,
  attempts integer not null,
  failed_at timestamptz not null default now(),
  unique (consumer, event_id)
);

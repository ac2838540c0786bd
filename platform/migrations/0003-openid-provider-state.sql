-- State of the embedded OpenID provider (oidc-provider's models: sessions,
-- interactions, codes, grants, refresh tokens…), shared by every replica.
create table pegase_platform.oidc_records (
  model text not null,
  id text not null,
  payload jsonb not null,
  grant_id text,
  user_code text,
  uid text,
  expires_at timestamptz,
  consumed_at timestamptz,
  primary key (model, id)
);
create index oidc_records_grant_idx on pegase_platform.oidc_records (grant_id) where grant_id is not null;
create index oidc_records_uid_idx on pegase_platform.oidc_records (uid) where uid is not null;
create index oidc_records_expiry_idx on pegase_platform.oidc_records (expires_at);

-- OAuth clients of integrations (client credentials) registered by operators.
create table pegase_platform.oauth_clients (
  client_id text primary key check (client_id ~ '^[a-z0-9][a-z0-9._-]{0,99}$'),
  client_secret text not null,
  description text not null,
  roles text[] not null default '{service}',
  created_at timestamptz not null default now(),
  disabled boolean not null default false
);

-- Secrets every replica must share (cookie signing keys of the provider).
create table pegase_platform.secrets (
  name text primary key,
  value text not null,
  created_at timestamptz not null default now()
);

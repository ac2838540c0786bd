-- Keys that sign the embedded provider's tokens. Kept in the database so that
-- every replica signs and verifies with the same keys, and rotatable: a new
-- key signs, retired keys still verify until the tokens they signed expired.
create table pegase_platform.signing_keys (
  kid text primary key,
  alg text not null,
  private_jwk jsonb not null,
  public_jwk jsonb not null,
  created_at timestamptz not null default now(),
  retired_at timestamptz
);

-- Accounts known to the embedded provider: local ones (with a password hash)
-- and those delegated to a CAS server (no password here).
create table pegase_platform.accounts (
  login text primary key check (login ~ '^[a-z0-9][a-z0-9._@-]{0,99}$'),
  source text not null check (source in ('local', 'cas')),
  password_hash text,
  display_name text not null,
  email text,
  roles text[] not null default '{}',
  structure_codes text[] not null default '{}',
  learner_code text,
  disabled boolean not null default false,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (source <> 'local' or password_hash is not null)
);

-- Files modules keep (supporting documents, generated certificates), behind
-- the FileStore interface: this table is its database implementation, which
-- an object-storage one can replace without changing the modules.
create table pegase_platform.files (
  id uuid primary key,
  module text not null,
  media_type text not null,
  size integer not null check (size >= 0),
  sha256 text not null,
  content bytea not null,
  created_at timestamptz not null default now()
);

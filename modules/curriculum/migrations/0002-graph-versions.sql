-- A version per period's offer, bumped by every change of its graph or its
-- objects (in the change's transaction): readers compare it to know whether a
-- tree they computed is still current, without walking the tree again.
create table curriculum.graph_versions (
  period_id uuid primary key,
  version bigint not null
);

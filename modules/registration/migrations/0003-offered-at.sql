-- When a freed seat was offered to the first of a waiting list: the learner
-- sees since when it is held for them.
alter table registration.entries add column offered_at timestamptz;

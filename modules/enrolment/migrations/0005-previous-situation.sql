-- What the student did the year before (SISE's « situation l'année
-- précédente »): a PREVIOUS-SITUATION code, its year and where. Filled in by
-- the student online (or staff at the desk); required to submit online.
alter table enrolment.enrolments add column previous_situation jsonb;

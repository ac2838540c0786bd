-- What the student's pages look up at every request during the enrolment
-- peak: their enrolments by learner (the partial unique indexes leave out
-- cancelled ones, so the planner scanned the table), and their admissions by
-- name and birth date (GET /me/admissions: linked, same INE, or same
-- identity key; with this index the OR is a BitmapOr of three indexes).
create index enrolments_learner_idx on enrolment.enrolments (learner_id);
create index admissions_identity_idx on enrolment.admissions (identity_key);

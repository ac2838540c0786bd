-- Scales other than 20 (decision 0015): an assessment's scale is chosen at
-- its creation, from 1 to 1000; its marks are kept as they were entered, on
-- that scale, and converted exactly to /20 for the results. A mark's upper
-- bound is its assessment's scale: a check of one row cannot see it, so the
-- application checks it, and the table keeps only what holds for any scale.
alter table assessment.assessments drop constraint assessments_scale_check;
alter table assessment.assessments add constraint assessments_scale_check check (scale between 1 and 1000);

alter table assessment.marks drop constraint marks_value_check;
alter table assessment.marks alter column value type numeric(7, 3);
alter table assessment.marks add constraint marks_value_check check (value >= 0 and value <= 1000);

-- Teaching assignments: who teaches a course element (an object of the offer,
-- so in every path where it appears). A teacher is named by their login (the
-- token's preferred_username, lower-case) or, when the provider gives none,
-- their subject. A teacher enters and reads the marks of these objects only.
create table assessment.teaching (
  object_id uuid not null,
  teacher text not null,
  assigned_by text not null,
  assigned_at timestamptz not null default now(),
  primary key (object_id, teacher)
);
create index teaching_teacher_idx on assessment.teaching (teacher);

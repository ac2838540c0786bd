-- The labels of the nomenclature values, for the pages enrolment renders
-- itself (the account activation form lists sexes and countries). Values
-- announced before this migration keep no label until they change: the page
-- then shows their code.
alter table enrolment.nomenclature_values add column label_fr text, add column label_en text;

-- Provisional certificates: a student whose enrolment is submitted and whose
-- fees are settled gets a certificate marked provisional at once, before the
-- scolarité validates it. The read model keeps the payment status for that.
alter table documents.enrolments add column payment_status text not null default 'none';
alter table documents.certificates add column provisional boolean not null default false;

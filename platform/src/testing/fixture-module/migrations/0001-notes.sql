-- A tiny module used only by the kernel's own tests.
create table fixture.notes (id serial primary key, text text not null);
create table fixture.seen (note_text text not null);

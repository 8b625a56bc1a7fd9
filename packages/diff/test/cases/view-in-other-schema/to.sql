CREATE SCHEMA r; CREATE TABLE t (id int, name text, n text); CREATE VIEW r.v AS SELECT id, n FROM public.t;

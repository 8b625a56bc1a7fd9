CREATE SCHEMA r; CREATE TABLE t (id int, name text, n int); CREATE VIEW r.v AS SELECT id, n FROM public.t;

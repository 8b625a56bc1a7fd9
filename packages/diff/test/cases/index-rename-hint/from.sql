CREATE TABLE t (id int, a text, b int, doc jsonb); CREATE INDEX i1 ON t (a);

CREATE TABLE t (id int, a text, b int, doc jsonb); CREATE INDEX t_a_idx ON t (a);

CREATE TABLE t (id int, a text, b int, doc jsonb); CREATE INDEX t_a ON t (a);

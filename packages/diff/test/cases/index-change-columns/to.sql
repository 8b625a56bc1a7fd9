CREATE TABLE t (id int, a text, b int, doc jsonb); CREATE INDEX t_ab ON t (a, b);

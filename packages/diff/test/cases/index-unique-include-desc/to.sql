CREATE TABLE t (id int, a text, b int, doc jsonb); CREATE UNIQUE INDEX t_u ON t (b DESC NULLS LAST, id) INCLUDE (a);

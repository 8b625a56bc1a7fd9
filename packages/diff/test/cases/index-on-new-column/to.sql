CREATE TABLE t (id int, a text, b int, doc jsonb, c uuid); CREATE INDEX t_c ON t (c);

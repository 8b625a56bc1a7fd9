CREATE TABLE t (id int, a text, b int, doc jsonb); CREATE INDEX t_lower_a ON t (lower(a)) WHERE b > 0;

CREATE TABLE t (id int, name text, n int); CREATE VIEW v WITH (security_barrier = true) AS SELECT id FROM t WHERE n > 0 WITH LOCAL CHECK OPTION;

CREATE TABLE t (id int, name text, n int); CREATE VIEW v1 AS SELECT id FROM t;

CREATE TABLE t (id int, name text, n int); CREATE VIEW v (ident, label) AS SELECT id, name FROM t;

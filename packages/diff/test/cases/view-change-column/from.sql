CREATE TABLE t (id int, name text, n int); CREATE VIEW v AS SELECT id, name FROM t;

CREATE TABLE t (id int, n int); CREATE VIEW v AS SELECT id, n FROM t;

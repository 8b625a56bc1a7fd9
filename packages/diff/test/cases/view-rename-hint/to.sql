CREATE TABLE t (id int, name text, n int); CREATE VIEW active AS SELECT id FROM t;

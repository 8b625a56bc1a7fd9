CREATE TABLE t (id int, name text, n int); CREATE VIEW v AS SELECT t.id, u.x FROM t JOIN (SELECT 1 AS x) u ON true;

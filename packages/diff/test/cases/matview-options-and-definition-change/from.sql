CREATE TABLE t (id int, v int); CREATE MATERIALIZED VIEW mv WITH (fillfactor = 70) AS SELECT id FROM t;

CREATE TABLE t (id int, v int); CREATE MATERIALIZED VIEW mv WITH (fillfactor = 80) AS SELECT id, sum(v) AS s FROM t GROUP BY id;

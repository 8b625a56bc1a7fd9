CREATE TABLE t (id int, v int); CREATE MATERIALIZED VIEW mv WITH (fillfactor = 70, autovacuum_enabled = false) AS SELECT id, sum(v) AS s FROM t GROUP BY id;

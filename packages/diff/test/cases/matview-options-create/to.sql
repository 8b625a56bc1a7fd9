CREATE TABLE t (id int, v int); CREATE MATERIALIZED VIEW mv WITH (fillfactor = 50) AS SELECT id FROM t; CREATE INDEX mv_id ON mv (id);

CREATE TABLE t (id int, name text, n int); CREATE MATERIALIZED VIEW mv AS SELECT n FROM t; CREATE INDEX mv_n ON mv (n);

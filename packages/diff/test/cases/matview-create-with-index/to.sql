CREATE TABLE t (id int, name text, n int); CREATE MATERIALIZED VIEW mv AS SELECT n, count(*) AS c FROM t GROUP BY n; CREATE UNIQUE INDEX mv_n ON mv (n);

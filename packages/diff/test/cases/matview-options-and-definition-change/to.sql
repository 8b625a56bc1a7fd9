CREATE TABLE t (id int, v int); CREATE MATERIALIZED VIEW mv WITH (fillfactor = 90) AS SELECT id, v FROM t;

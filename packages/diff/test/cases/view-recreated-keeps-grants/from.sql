CREATE TABLE t (id int, n int);
CREATE VIEW v AS SELECT id, n FROM t;
GRANT SELECT ON v TO pg_monitor;

CREATE TABLE t (v text[]); INSERT INTO t VALUES ('{1,2}');

CREATE TABLE t (doc text); INSERT INTO t VALUES ('{"a":1}');

CREATE TABLE t (v json); INSERT INTO t VALUES ('{"a": 1}');

CREATE TABLE t (s text); INSERT INTO t VALUES ('on');

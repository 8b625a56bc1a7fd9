CREATE TABLE t (price numeric); INSERT INTO t VALUES (-1);

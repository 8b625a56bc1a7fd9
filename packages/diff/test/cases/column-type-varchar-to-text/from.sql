CREATE TABLE t (s varchar(10)); INSERT INTO t VALUES ('abc');

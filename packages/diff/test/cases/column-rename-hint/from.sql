CREATE TABLE t (id int, mail text); INSERT INTO t VALUES (1, 'x@y');

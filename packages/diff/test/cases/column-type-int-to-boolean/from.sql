CREATE TABLE t (f integer);

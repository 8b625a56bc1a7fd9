CREATE TABLE t (f boolean);

CREATE TABLE t (f smallint);

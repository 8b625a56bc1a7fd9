CREATE TABLE t (p numeric(10,2));

CREATE TABLE t (p numeric(12,2));

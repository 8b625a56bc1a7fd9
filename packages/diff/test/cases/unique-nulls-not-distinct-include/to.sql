CREATE TABLE t (a int, b int, c int, CONSTRAINT t_ab UNIQUE NULLS NOT DISTINCT (a, b) INCLUDE (c));

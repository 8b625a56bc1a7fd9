CREATE TABLE t (at time);

CREATE TABLE t (v integer[]);

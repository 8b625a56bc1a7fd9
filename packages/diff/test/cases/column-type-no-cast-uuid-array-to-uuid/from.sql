CREATE TABLE t (ids uuid[]);

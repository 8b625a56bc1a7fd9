CREATE TABLE t (id int); CREATE SEQUENCE s AS bigint;

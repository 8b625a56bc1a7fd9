CREATE TYPE st AS ENUM ('actve', 'done'); CREATE TABLE t (s st); INSERT INTO t VALUES ('actve');

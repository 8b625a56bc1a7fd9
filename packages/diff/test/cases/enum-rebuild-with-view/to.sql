CREATE TYPE c AS ENUM ('r', 'b'); CREATE TABLE t (id int, c c); CREATE VIEW v AS SELECT id, c FROM t;

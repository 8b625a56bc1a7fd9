CREATE DOMAIN d AS text CHECK (VALUE <> ''); CREATE TABLE t (v integer);

CREATE TYPE p AS ENUM ('high', 'low', 'mid'); CREATE TABLE t (p p NOT NULL); INSERT INTO t VALUES ('low'), ('mid');

CREATE TYPE p AS ENUM ('low', 'mid', 'high'); CREATE TABLE t (p p NOT NULL);

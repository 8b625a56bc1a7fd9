CREATE TYPE a AS ENUM ('x', 'y'); CREATE TYPE b AS ENUM ('w', 'x', 'y'); CREATE TABLE t (v b);

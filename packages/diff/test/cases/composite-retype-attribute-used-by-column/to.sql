CREATE TYPE pair AS (x bigint, y text); CREATE TABLE t (p pair);

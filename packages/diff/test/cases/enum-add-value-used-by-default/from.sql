CREATE TYPE st AS ENUM ('active'); CREATE TABLE t (s st);

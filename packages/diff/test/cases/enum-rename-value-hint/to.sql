CREATE TYPE st AS ENUM ('active', 'done'); CREATE TABLE t (s st);

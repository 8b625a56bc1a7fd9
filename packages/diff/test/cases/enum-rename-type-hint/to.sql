CREATE TYPE feeling AS ENUM ('a', 'b'); CREATE TABLE t (m feeling);

CREATE TYPE size AS ENUM ('l', 's'); CREATE TABLE t (id int, label size, s size DEFAULT 's'); CREATE TABLE u (s size NOT NULL);

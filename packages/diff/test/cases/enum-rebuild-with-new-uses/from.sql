CREATE TYPE size AS ENUM ('s', 'm', 'l'); CREATE TABLE t (id int, label text);

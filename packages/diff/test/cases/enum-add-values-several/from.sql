CREATE TYPE s AS ENUM ('b', 'd');

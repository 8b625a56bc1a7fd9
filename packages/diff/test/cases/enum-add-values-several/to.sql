CREATE TYPE s AS ENUM ('a', 'b', 'c', 'd', 'e');

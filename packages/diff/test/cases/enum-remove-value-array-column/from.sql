CREATE TYPE tag AS ENUM ('a', 'b', 'c'); CREATE TABLE t (tags tag[] DEFAULT '{a}'); INSERT INTO t VALUES ('{a,b}');

CREATE TYPE tag AS ENUM ('a', 'b'); CREATE TABLE t (tags tag[] DEFAULT '{a}');

CREATE TABLE t (at timestamp with time zone);

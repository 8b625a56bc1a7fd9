CREATE TABLE t (s text);

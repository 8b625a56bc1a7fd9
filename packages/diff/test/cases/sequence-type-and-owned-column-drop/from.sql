CREATE TABLE t (id int, n int); CREATE SEQUENCE s AS integer OWNED BY t.n;

CREATE TABLE t (id int PRIMARY KEY, a text, b text, n numeric, c int);

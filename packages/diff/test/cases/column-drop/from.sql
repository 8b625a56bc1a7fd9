CREATE TABLE t (id int, legacy text);

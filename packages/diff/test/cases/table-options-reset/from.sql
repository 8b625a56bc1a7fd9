CREATE TABLE t (id int) WITH (fillfactor = 90);

-- A new table only: privileges are read, so grants are managed.
CREATE TABLE t (id int);

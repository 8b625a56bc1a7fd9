CREATE TABLE t (id int PRIMARY KEY, a text, b text, n numeric, c int); ALTER TABLE t ALTER COLUMN "a" SET STATISTICS 1000;

CREATE TABLE t (id int PRIMARY KEY, code text NOT NULL, note text); CREATE UNIQUE INDEX t_code ON t (code);

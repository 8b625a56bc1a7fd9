CREATE TABLE t (id int, at date); CREATE INDEX t_at ON t (at); ALTER TABLE t CLUSTER ON t_at;

CREATE TABLE t (id int PRIMARY KEY, code text NOT NULL, note text); CREATE UNIQUE INDEX t_code ON t (code); CREATE INDEX t_note ON t (note); ALTER TABLE t CLUSTER ON t_note;

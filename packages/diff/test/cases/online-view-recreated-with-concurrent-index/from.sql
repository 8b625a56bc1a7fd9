CREATE TABLE t (id int PRIMARY KEY, amount int NOT NULL, note text);
CREATE VIEW big AS SELECT id, amount FROM t WHERE amount > 100;
CREATE INDEX t_note ON t (note);
INSERT INTO t VALUES (1, 50, 'a'), (2, 500, 'b');

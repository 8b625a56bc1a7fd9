CREATE TABLE t (id int PRIMARY KEY, amount bigint NOT NULL, note text);
CREATE VIEW big AS SELECT id, amount FROM t WHERE amount > 100;
CREATE INDEX t_amount ON t (amount);
CREATE INDEX t_note ON t (lower(note));

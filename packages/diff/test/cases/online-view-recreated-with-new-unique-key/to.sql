CREATE TABLE t (id int PRIMARY KEY, amount bigint NOT NULL, code text CONSTRAINT t_code_key UNIQUE);
CREATE VIEW big AS SELECT id, amount FROM t WHERE amount > 100;

CREATE TYPE st AS ENUM ('active', 'done');
CREATE TABLE t (id int PRIMARY KEY, s st NOT NULL DEFAULT 'active');
INSERT INTO t VALUES (1, 'active'), (2, 'done');

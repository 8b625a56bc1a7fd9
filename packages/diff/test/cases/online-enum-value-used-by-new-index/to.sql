CREATE TYPE st AS ENUM ('pending', 'active', 'done', 'archived');
CREATE TABLE t (id int PRIMARY KEY, s st NOT NULL DEFAULT 'pending');
CREATE INDEX t_pending ON t (id) WHERE s = 'pending';

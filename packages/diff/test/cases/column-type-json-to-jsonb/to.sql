CREATE TABLE t (v jsonb);

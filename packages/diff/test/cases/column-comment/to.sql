CREATE TABLE t (a int, b int); COMMENT ON COLUMN t.a IS 'y'; COMMENT ON COLUMN t.b IS 'new';

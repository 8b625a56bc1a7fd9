CREATE TABLE t (id int, name text, n int); CREATE VIEW v AS SELECT id, name FROM t; COMMENT ON VIEW v IS 'visible'; COMMENT ON COLUMN v.name IS 'label';

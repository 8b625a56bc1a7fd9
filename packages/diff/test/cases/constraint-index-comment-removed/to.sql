CREATE TABLE t (id int PRIMARY KEY, code text UNIQUE, r int4range, EXCLUDE USING gist (r WITH &&));
COMMENT ON INDEX t_code_key IS 'old';

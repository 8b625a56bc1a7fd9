CREATE TYPE st AS ENUM ('draft', 'sent', 'void');
CREATE TABLE t (id int PRIMARY KEY, s st NOT NULL DEFAULT 'draft');
CREATE FUNCTION is_open(s st) RETURNS boolean LANGUAGE sql IMMUTABLE RETURN s IN ('draft', 'sent');
CREATE FUNCTION first_st() RETURNS st LANGUAGE sql STABLE AS $$ SELECT 'draft'::st $$;
CREATE FUNCTION all_st() RETURNS SETOF st LANGUAGE sql STABLE AS $$ SELECT unnest(enum_range(NULL::st)) $$;
COMMENT ON FUNCTION first_st() IS 'the first state';
ALTER TABLE t ADD CONSTRAINT t_open CHECK (is_open(s) OR id > 0);
CREATE VIEW v AS SELECT id FROM t WHERE is_open(s);
INSERT INTO t VALUES (1, 'draft'), (2, 'sent');

CREATE TABLE t (id int PRIMARY KEY, code text UNIQUE, r int4range, EXCLUDE USING gist (r WITH &&));
COMMENT ON INDEX t_pkey IS 'the key';
COMMENT ON INDEX t_r_excl IS 'no overlap';
CREATE TABLE "a""b" (id int CONSTRAINT "x y" PRIMARY KEY); COMMENT ON INDEX "x y" IS 'new';

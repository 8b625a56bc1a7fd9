CREATE TABLE t (price numeric); ALTER TABLE t ADD CONSTRAINT c CHECK (price > 0) NOT VALID; COMMENT ON CONSTRAINT c ON t IS 'old rows may break it';

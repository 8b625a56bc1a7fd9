CREATE TABLE t (price numeric); INSERT INTO t VALUES (-1); ALTER TABLE t ADD CONSTRAINT price_positive CHECK (price > 0) NOT VALID;

CREATE TABLE t (price numeric); ALTER TABLE t ADD CONSTRAINT price_positive CHECK (price > 0) NOT VALID;

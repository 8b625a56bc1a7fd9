CREATE TABLE t (price numeric CONSTRAINT price_positive CHECK (price > 0));

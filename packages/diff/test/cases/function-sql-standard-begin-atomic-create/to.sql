CREATE TABLE items (id int, qty int); CREATE FUNCTION total_qty() RETURNS bigint LANGUAGE sql STABLE BEGIN ATOMIC SELECT sum(qty) FROM items; END;

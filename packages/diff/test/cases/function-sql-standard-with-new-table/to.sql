CREATE SCHEMA inv; CREATE TABLE inv.items (id int, qty int); CREATE FUNCTION inv.count_items() RETURNS bigint LANGUAGE sql STABLE BEGIN ATOMIC SELECT count(*) FROM inv.items; END;

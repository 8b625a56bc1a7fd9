CREATE TABLE items (id int, qty int); CREATE FUNCTION dbl(x int) RETURNS int LANGUAGE sql IMMUTABLE RETURN x * 2; CREATE VIEW v AS SELECT id, dbl(qty) AS q2 FROM items;

CREATE TABLE item (id int PRIMARY KEY, price numeric);
CREATE FUNCTION a_total() RETURNS numeric LANGUAGE sql STABLE AS $$ SELECT sum(price) FROM item $$;

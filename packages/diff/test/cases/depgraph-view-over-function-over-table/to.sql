CREATE TABLE z_item (id int PRIMARY KEY, price numeric);
CREATE FUNCTION m_double(x numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT x * 2 $$;
CREATE VIEW a_doubled AS SELECT id, m_double(price) AS price FROM z_item;

CREATE TABLE z_item (id int PRIMARY KEY, price numeric);
CREATE FUNCTION m_total() RETURNS numeric LANGUAGE sql STABLE AS $$ SELECT coalesce(sum(price), 0) FROM z_item $$;
CREATE VIEW a_summary AS SELECT m_total() AS total;

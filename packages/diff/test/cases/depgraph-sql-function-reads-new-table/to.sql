CREATE TABLE z_item (id int PRIMARY KEY);
CREATE FUNCTION a_count() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT count(*) FROM z_item $$;

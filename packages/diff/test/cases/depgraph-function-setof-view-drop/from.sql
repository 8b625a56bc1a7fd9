CREATE TABLE z_item (id int PRIMARY KEY, name text);
CREATE VIEW m_named AS SELECT id, name FROM z_item WHERE name IS NOT NULL;
CREATE FUNCTION a_named() RETURNS SETOF m_named LANGUAGE plpgsql STABLE AS $$ BEGIN RETURN QUERY SELECT * FROM m_named; END $$;

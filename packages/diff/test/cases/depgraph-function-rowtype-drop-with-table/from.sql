CREATE TABLE item (id int PRIMARY KEY, name text);
CREATE FUNCTION a_label(r item) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$ BEGIN RETURN r.name; END $$;

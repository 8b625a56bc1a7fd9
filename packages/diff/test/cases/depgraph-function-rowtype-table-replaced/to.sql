CREATE TABLE item2 (id int PRIMARY KEY, name text);
CREATE FUNCTION a_label(r item2) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$ BEGIN RETURN r.name; END $$;

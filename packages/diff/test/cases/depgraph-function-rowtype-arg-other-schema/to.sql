CREATE SCHEMA inv;
CREATE TABLE inv.z_item (id int PRIMARY KEY, name text);
CREATE FUNCTION public.a_label(r inv.z_item) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$ BEGIN RETURN r.name; END $$;

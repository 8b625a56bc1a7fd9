CREATE FUNCTION z_pos(n int) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT n > 0 $$;
CREATE TABLE a_t (id int PRIMARY KEY, n int CHECK (z_pos(n)));

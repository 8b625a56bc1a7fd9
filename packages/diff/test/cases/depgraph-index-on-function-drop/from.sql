CREATE FUNCTION z_norm(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(t) $$;
CREATE TABLE a_t (id int PRIMARY KEY, name text);
CREATE INDEX a_t_norm ON a_t (z_norm(name));

CREATE TABLE z_limit (n int);
CREATE FUNCTION m_max() RETURNS int LANGUAGE sql STABLE AS $$ SELECT coalesce(max(n), 100) FROM z_limit $$;
CREATE TABLE a_t (id int PRIMARY KEY, n int CHECK (n <= m_max()));

CREATE SEQUENCE z_seq;
CREATE FUNCTION m_next() RETURNS bigint LANGUAGE sql AS $$ SELECT nextval('z_seq') * 10 $$;
CREATE TABLE a_t (id bigint PRIMARY KEY DEFAULT m_next());
